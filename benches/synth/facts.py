"""Static real-world facts the generator samples from: cities, postcodes, streets, nicknames, typos.

Everything here is public knowledge (postcode ranges, real street and district names); no code is copied.
"""

# (city, region, postcode prefix or full postcode, landline area code digits or "")
UA_CITIES = [
    ("Київ", "", "01", "44"), ("Київ", "", "02", "44"), ("Київ", "", "03", "44"), ("Київ", "", "04", "44"),
    ("Харків", "Харківська обл.", "61", "57"), ("Львів", "Львівська обл.", "79", "32"),
    ("Одеса", "Одеська обл.", "65", "48"), ("Дніпро", "Дніпропетровська обл.", "49", "56"),
    ("Запоріжжя", "Запорізька обл.", "69", "61"), ("Вінниця", "Вінницька обл.", "21", "43"),
    ("Полтава", "Полтавська обл.", "36", "532"), ("Чернігів", "Чернігівська обл.", "14", "462"),
    ("Івано-Франківськ", "Івано-Франківська обл.", "76", "342"), ("Ужгород", "Закарпатська обл.", "88", "312"),
    ("Біла Церква", "Київська обл.", "09", "4563"), ("Бровари", "Київська обл.", "07", "4594"),
]
UA_CITY_LATIN = {
    "Київ": ["Kyiv", "Kiev"], "Харків": ["Kharkiv", "Kharkov"], "Львів": ["Lviv", "Lvov"],
    "Одеса": ["Odesa", "Odessa"], "Дніпро": ["Dnipro"], "Запоріжжя": ["Zaporizhzhia", "Zaporozhye"],
    "Вінниця": ["Vinnytsia"], "Полтава": ["Poltava"], "Чернігів": ["Chernihiv"],
    "Івано-Франківськ": ["Ivano-Frankivsk"], "Ужгород": ["Uzhhorod"], "Біла Церква": ["Bila Tserkva"],
    "Бровари": ["Brovary"],
}
UA_STREETS = [
    "Хрещатик", "Шевченка", "Івана Франка", "Лесі Українки", "Грушевського", "Садова", "Шкільна", "Миру",
    "Незалежності", "Соборна", "Сагайдачного", "Богдана Хмельницького", "Коцюбинського", "Антоновича",
    "Велика Васильківська", "Городоцька", "Сумська", "Дерибасівська", "Зелена", "Польова", "Набережна",
    "Центральна", "Козацька", "Лисенка", "Січових Стрільців", "Пушкінська", "Героїв Майдану", "Київська",
    "Ярослава Мудрого", "Гетьмана Мазепи", "Михайла Стельмаха", "Окружна", "Молодіжна", "Вишнева",
]
# (abbreviation, full word): both appear in real exports.
UA_STREET_TYPES = [("вул.", "вулиця", 0.78), ("просп.", "проспект", 0.1), ("пров.", "провулок", 0.07),
                   ("бульв.", "бульвар", 0.05)]

# Bangkok: (khet, khwaeng, postcode); provinces: (changwat, amphoe, tambon, postcode).
TH_BANGKOK = [
    ("วัฒนา", "คลองเตยเหนือ", "10110"), ("คลองเตย", "คลองตัน", "10110"), ("บางรัก", "สีลม", "10500"),
    ("สาทร", "ทุ่งมหาเมฆ", "10120"), ("ปทุมวัน", "ลุมพินี", "10330"), ("จตุจักร", "จอมพล", "10900"),
    ("จตุจักร", "ลาดยาว", "10900"), ("ห้วยขวาง", "ห้วยขวาง", "10310"), ("บางกะปิ", "หัวหมาก", "10240"),
    ("ดินแดง", "ดินแดง", "10400"), ("พญาไท", "สามเสนใน", "10400"), ("ลาดพร้าว", "ลาดพร้าว", "10230"),
    ("บางนา", "บางนา", "10260"), ("ราชเทวี", "ถนนพญาไท", "10400"), ("บางซื่อ", "บางซื่อ", "10800"),
]
TH_PROVINCES = [
    ("เชียงใหม่", "เมืองเชียงใหม่", "ศรีภูมิ", "50200"), ("ภูเก็ต", "เมืองภูเก็ต", "ตลาดใหญ่", "83000"),
    ("ขอนแก่น", "เมืองขอนแก่น", "ในเมือง", "40000"), ("ชลบุรี", "บางละมุง", "หนองปรือ", "20150"),
    ("นนทบุรี", "ปากเกร็ด", "ปากเกร็ด", "11120"), ("สมุทรปราการ", "เมืองสมุทรปราการ", "ปากน้ำ", "10270"),
    ("นครราชสีมา", "เมืองนครราชสีมา", "ในเมือง", "30000"), ("สงขลา", "หาดใหญ่", "หาดใหญ่", "90110"),
    ("ปทุมธานี", "คลองหลวง", "คลองหนึ่ง", "12120"), ("อุดรธานี", "เมืองอุดรธานี", "หมากแข้ง", "41000"),
]
# Landline area codes (after the trunk 0): Bangkok and its neighbours share 02.
TH_AREA = {"กรุงเทพมหานคร": "2", "เชียงใหม่": "53", "ภูเก็ต": "76", "ขอนแก่น": "43", "ชลบุรี": "38",
           "นนทบุรี": "2", "สมุทรปราการ": "2", "นครราชสีมา": "44", "สงขลา": "74", "ปทุมธานี": "2",
           "อุดรธานี": "42"}
TH_PROVINCE_LATIN = {
    "กรุงเทพมหานคร": "Bangkok", "เชียงใหม่": "Chiang Mai", "ภูเก็ต": "Phuket", "ขอนแก่น": "Khon Kaen",
    "ชลบุรี": "Chon Buri", "นนทบุรี": "Nonthaburi", "สมุทรปราการ": "Samut Prakan",
    "นครราชสีมา": "Nakhon Ratchasima", "สงขลา": "Songkhla", "ปทุมธานี": "Pathum Thani", "อุดรธานี": "Udon Thani",
}
TH_ROADS = ["สุขุมวิท", "พหลโยธิน", "รัชดาภิเษก", "ลาดพร้าว", "เพชรบุรี", "พระราม 4", "สาทร", "สีลม",
            "จรัญสนิทวงศ์", "งามวงศ์วาน", "แจ้งวัฒนะ", "รามคำแหง", "ศรีนครินทร์", "นิมมานเหมินท์", "ห้วยแก้ว",
            "มิตรภาพ", "เทพกระษัตรี", "ประชาอุทิศ"]
# Thai given names and surnames with their usual romanisation (as people write them in English forms).
TH_GIVEN_M = [("สมชาย", "Somchai"), ("สมศักดิ์", "Somsak"), ("สุรชัย", "Surachai"), ("ประเสริฐ", "Prasert"),
              ("วิชัย", "Wichai"), ("สมพงษ์", "Somphong"), ("ชัยวัฒน์", "Chaiwat"), ("อนุชา", "Anucha"),
              ("ธนพล", "Thanaphon"), ("กิตติ", "Kitti"), ("ณัฐพล", "Nattapon"), ("พีระพงษ์", "Peerapong")]
TH_GIVEN_F = [("สุภาพร", "Supaporn"), ("วันเพ็ญ", "Wanphen"), ("มาลี", "Malee"), ("นภา", "Napha"),
              ("ปราณี", "Pranee"), ("กาญจนา", "Kanchana"), ("อรุณี", "Arunee"), ("ศิริพร", "Siriporn"),
              ("พรทิพย์", "Pornthip"), ("จันทร์เพ็ญ", "Chanphen"), ("สุดารัตน์", "Sudarat"), ("นิตยา", "Nittaya")]
TH_FAMILY = [("ใจดี", "Jaidee"), ("แสงทอง", "Saengthong"), ("ศรีสุข", "Srisuk"), ("บุญมา", "Boonma"),
             ("ทองดี", "Thongdee"), ("รัตนพันธ์", "Rattanaphan"), ("วงศ์สวัสดิ์", "Wongsawat"),
             ("สุขสวัสดิ์", "Suksawat"), ("พงษ์ศักดิ์", "Phongsak"), ("เพชรรัตน์", "Phetcharat"),
             ("จันทร์แก้ว", "Chankaew"), ("ศรีวงศ์", "Sriwong"), ("กิตติศักดิ์", "Kittisak"), ("มณีรัตน์", "Maneerat")]

US_CITIES = [("New York", "NY", "100", "212"), ("Brooklyn", "NY", "112", "718"), ("Chicago", "IL", "606", "312"),
             ("Los Angeles", "CA", "900", "213"), ("San Francisco", "CA", "941", "415"),
             ("Austin", "TX", "787", "512"), ("Houston", "TX", "770", "713"), ("Seattle", "WA", "981", "206"),
             ("Boston", "MA", "021", "617"), ("Denver", "CO", "802", "303"), ("Miami", "FL", "331", "305"),
             ("Atlanta", "GA", "303", "404"), ("Portland", "OR", "972", "503"), ("Phoenix", "AZ", "850", "602")]
US_STATE_NAMES = {"NY": "New York", "IL": "Illinois", "CA": "California", "TX": "Texas", "WA": "Washington",
                  "MA": "Massachusetts", "CO": "Colorado", "FL": "Florida", "GA": "Georgia", "OR": "Oregon",
                  "AZ": "Arizona"}
US_STREET_TYPES = [("St", "Street"), ("Ave", "Avenue"), ("Rd", "Road"), ("Blvd", "Boulevard"), ("Dr", "Drive"),
                   ("Ln", "Lane"), ("Ct", "Court"), ("Pl", "Place")]
US_UNITS = [("Apt", "Apartment"), ("Ste", "Suite"), ("#", "#"), ("Unit", "Unit")]
GB_CITIES = [("London", "", "SW1A", "20"), ("London", "", "N1", "20"), ("London", "", "E14", "20"),
             ("Manchester", "Greater Manchester", "M1", "161"), ("Birmingham", "West Midlands", "B15", "121"),
             ("Leeds", "West Yorkshire", "LS1", "113"), ("Bristol", "", "BS8", "117"),
             ("Edinburgh", "", "EH1", "131"), ("Glasgow", "", "G2", "141"), ("Cardiff", "", "CF10", "29"),
             ("Liverpool", "Merseyside", "L1", "151"), ("Oxford", "Oxfordshire", "OX1", "1865")]
GB_STREET_TYPES = [("Rd", "Road"), ("St", "Street"), ("Ln", "Lane"), ("Ave", "Avenue"), ("Cl", "Close"),
                   ("Gdns", "Gardens"), ("Cres", "Crescent"), ("Sq", "Square")]
DE_CITIES = [("Berlin", "Berlin", "10", "30"), ("Hamburg", "Hamburg", "20", "40"), ("München", "Bayern", "80", "89"),
             ("Köln", "Nordrhein-Westfalen", "50", "221"), ("Frankfurt am Main", "Hessen", "60", "69"),
             ("Stuttgart", "Baden-Württemberg", "70", "711"), ("Düsseldorf", "Nordrhein-Westfalen", "40", "211"),
             ("Leipzig", "Sachsen", "04", "341"), ("Dresden", "Sachsen", "01", "351"),
             ("Nürnberg", "Bayern", "90", "911"), ("Hannover", "Niedersachsen", "30", "511")]
DE_STREETS = ["Haupt", "Bahnhof", "Garten", "Schul", "Berg", "Kirch", "Linden", "Wald", "Ring", "Goethe",
              "Schiller", "Mozart", "Friedrich", "Wilhelm", "Kaiser", "Rosen", "Birken", "Eichen", "Mühlen",
              "Feld", "Sonnen", "Bismarck", "Beethoven", "Luisen", "Markt"]
FR_CITIES = [("Paris", "Île-de-France", "750", "1"), ("Lyon", "Auvergne-Rhône-Alpes", "6900", "4"),
             ("Marseille", "Provence-Alpes-Côte d'Azur", "130", "4"), ("Toulouse", "Occitanie", "3100", "5"),
             ("Nice", "Provence-Alpes-Côte d'Azur", "0600", "4"), ("Nantes", "Pays de la Loire", "4400", "2"),
             ("Bordeaux", "Nouvelle-Aquitaine", "3300", "5"), ("Lille", "Hauts-de-France", "5900", "3"),
             ("Strasbourg", "Grand Est", "6700", "3"), ("Montpellier", "Occitanie", "3400", "4")]
FR_STREET_TYPES = [("rue", "rue"), ("av.", "avenue"), ("bd", "boulevard"), ("pl.", "place"), ("imp.", "impasse"),
                   ("all.", "allée")]
FR_STREETS = ["de la République", "Victor Hugo", "Jean Jaurès", "de la Paix", "Pasteur", "du Général de Gaulle",
              "des Lilas", "Voltaire", "de Verdun", "Gambetta", "Saint-Michel", "de la Gare", "des Écoles",
              "Émile Zola", "du Moulin", "Jules Ferry", "Carnot", "de Provence"]
PL_CITIES = [("Warszawa", "mazowieckie", "0", "22"), ("Kraków", "małopolskie", "3", "12"),
             ("Łódź", "łódzkie", "9", "42"), ("Wrocław", "dolnośląskie", "5", "71"),
             ("Poznań", "wielkopolskie", "6", "61"), ("Gdańsk", "pomorskie", "8", "58"),
             ("Szczecin", "zachodniopomorskie", "7", "91"), ("Lublin", "lubelskie", "2", "81"),
             ("Katowice", "śląskie", "4", "32")]
PL_STREET_TYPES = [("ul.", "ulica", 0.85), ("al.", "aleja", 0.1), ("pl.", "plac", 0.05)]
PL_STREETS = ["Marszałkowska", "Mickiewicza", "Słowackiego", "Kościuszki", "Piłsudskiego", "Długa", "Krótka",
              "Polna", "Leśna", "Ogrodowa", "Lipowa", "Kwiatowa", "Szkolna", "Sienkiewicza", "Jana Pawła II",
              "Żeromskiego", "Grunwaldzka", "Wojska Polskiego", "Konopnickiej", "Reymonta"]

COUNTRY_NAMES = {
    "UA": ["Ukraine", "Україна", "UA", "Ukraina"], "TH": ["Thailand", "TH", "ประเทศไทย", "Thai"],
    "US": ["United States", "USA", "US", "U.S.A.", "United States of America"],
    "GB": ["United Kingdom", "UK", "GB", "Great Britain", "England"],
    "DE": ["Germany", "Deutschland", "DE", "GER"], "FR": ["France", "FR", "Frankreich"],
    "PL": ["Poland", "Polska", "PL"],
}

NICKNAMES = {
    "Robert": ["Bob", "Rob", "Bobby"], "William": ["Bill", "Will", "Billy"], "Richard": ["Rick", "Dick", "Rich"],
    "James": ["Jim", "Jimmy"], "John": ["Jack", "Johnny"], "Michael": ["Mike", "Mick"], "Thomas": ["Tom", "Tommy"],
    "Christopher": ["Chris"], "Daniel": ["Dan", "Danny"], "Matthew": ["Matt"], "Anthony": ["Tony"],
    "Joseph": ["Joe"], "David": ["Dave"], "Steven": ["Steve"], "Edward": ["Ed", "Ted", "Eddie"],
    "Elizabeth": ["Liz", "Beth", "Betty"], "Katherine": ["Kate", "Katie", "Kathy"], "Jennifer": ["Jen", "Jenny"],
    "Margaret": ["Maggie", "Peggy"], "Patricia": ["Pat", "Patty"], "Rebecca": ["Becky"], "Susan": ["Sue"],
    "Victoria": ["Vicky"], "Alexander": ["Alex"], "Samuel": ["Sam"], "Benjamin": ["Ben"], "Nicholas": ["Nick"],
    "Jonathan": ["Jon"], "Andrew": ["Andy", "Drew"], "Catherine": ["Cathy", "Kate"], "Deborah": ["Debbie"],
    "Johannes": ["Hannes"], "Alexandra": ["Sasha"], "Stephanie": ["Steffi"], "Małgorzata": ["Gosia"],
    "Aleksandra": ["Ola"], "Katarzyna": ["Kasia"], "Krzysztof": ["Krzysiek"], "Wojciech": ["Wojtek"],
}
UA_DIMINUTIVES = {"Олександр": ["Саша"], "Володимир": ["Вова"], "Дмитро": ["Діма"], "Катерина": ["Катя"],
                  "Олена": ["Лена"], "Наталія": ["Наташа"], "Михайло": ["Миша"], "Анастасія": ["Настя"]}

EMAIL_DOMAINS = {
    "UA": ["ukr.net", "gmail.com", "i.ua", "meta.ua", "gmail.com"],
    "TH": ["gmail.com", "hotmail.com", "yahoo.co.th", "outlook.co.th", "gmail.com"],
    "US": ["gmail.com", "yahoo.com", "outlook.com", "aol.com", "icloud.com", "gmail.com"],
    "GB": ["gmail.com", "btinternet.com", "hotmail.co.uk", "outlook.com", "yahoo.co.uk"],
    "DE": ["gmx.de", "web.de", "t-online.de", "gmail.com", "posteo.de"],
    "FR": ["orange.fr", "free.fr", "gmail.com", "laposte.net", "sfr.fr"],
    "PL": ["wp.pl", "onet.pl", "o2.pl", "gmail.com", "interia.pl"],
}
# Real-world typos of popular mail domains, as found in sign-up forms.
DOMAIN_TYPOS = {"gmail.com": ["gmial.com", "gmial.com", "gmail.con", "gmal.com", "gnail.com", "gmail.co"],
                "yahoo.com": ["yaho.com", "yahooo.com"], "hotmail.com": ["hotmial.com", "hotmail.con"],
                "outlook.com": ["outlok.com"], "ukr.net": ["ukr.ner", "urk.net"], "gmx.de": ["gmx.d"],
                "wp.pl": ["wp.p"], "orange.fr": ["ornage.fr"]}
ROLE_LOCALS = {"UA": ["info", "office", "sales", "buh"], "TH": ["info", "sales", "contact", "admin"],
               "US": ["info", "sales", "office", "contact", "accounts"],
               "GB": ["info", "enquiries", "sales", "accounts", "office"],
               "DE": ["info", "kontakt", "buchhaltung", "vertrieb", "office"],
               "FR": ["contact", "info", "commercial", "compta"], "PL": ["biuro", "kontakt", "info", "sprzedaz"]}
COMPANY_SUFFIX = {"UA": ["ТОВ", "ПП", "ФОП"], "TH": ["บริษัท", "หจก."], "US": ["Inc.", "LLC", "Corp."],
                  "GB": ["Ltd", "Limited", "PLC"], "DE": ["GmbH", "AG", "GmbH & Co. KG"],
                  "FR": ["SARL", "SAS", "SA"], "PL": ["Sp. z o.o.", "S.A.", "sp.j."]}
PLACEHOLDERS = ["N/A", "-", "n/a", "none", "?", "0", "нет", "немає"]
# Trade words that follow a company's name (Kowalski Transport, Müller Logistik).
TRADES = {"UA": ["Буд", "Агро", "Трейд", "Сервіс", "Логістик", "Маркет", "Софт", "Груп", "Фарм", "Енерго"],
          "TH": ["เทรดดิ้ง", "ก่อสร้าง", "ซัพพลาย", "อินเตอร์", "ฟู้ด", "มอเตอร์", "เทค", "กรุ๊ป", "โลจิสติกส์"],
          "US": ["Logistics", "Consulting", "Supply", "Holdings", "Partners", "Systems", "Foods", "Realty",
                 "Dental", "Motors", "Labs"],
          "GB": ["Consulting", "Logistics", "Builders", "Partners", "Holdings", "Solicitors", "Engineering",
                 "Estates", "Catering"],
          "DE": ["Logistik", "Bau", "Consulting", "Handel", "Elektro", "Immobilien", "Maschinenbau", "Software",
                 "Reisen", "Technik"],
          "FR": ["Conseil", "Transports", "Immobilier", "Bâtiment", "Distribution", "Services", "Informatique",
                 "Boulangerie", "Assurances"],
          "PL": ["Transport", "Budownictwo", "Handel", "Serwis", "Logistyka", "Usługi", "Meble", "Elektro",
                 "Software", "Turystyka"]}
