"""Locale knowledge for the hold-out generator (benches/holdout/generate.py).

Written independently of benches/synth/ and src/: names, cities, phone plans, street habits,
as a person who has cleaned CRM exports from these countries would list them.
Everything here is plain data; the logic is in generate.py.
"""

# ---------------------------------------------------------------------------------------------
# Countries: display names (as they turn up in a "Country" column), Faker locale, cities.
# City: (native name, [other spellings], region, postal prefix/range spec, [landline area codes])
# ---------------------------------------------------------------------------------------------

COUNTRY_NAMES = {
    "UA": ["Ukraine", "UA", "Україна", "UKR", "Ukraina", "Украина"],
    "TH": ["Thailand", "TH", "ประเทศไทย", "THA", "Thai", "ไทย"],
    "US": ["United States", "USA", "US", "U.S.A.", "United States of America", "U.S."],
    "GB": ["United Kingdom", "UK", "GB", "Great Britain", "England", "U.K."],
    "DE": ["Germany", "Deutschland", "DE", "GER", "D"],
    "FR": ["France", "FR", "FRA", "République française"],
    "PL": ["Poland", "Polska", "PL", "POL"],
    "IT": ["Italy", "Italia", "IT", "ITA"],
    "ES": ["Spain", "España", "ES", "Espana", "ESP"],
    "NL": ["Netherlands", "Nederland", "NL", "The Netherlands", "Holland"],
    "CZ": ["Czech Republic", "Czechia", "Česká republika", "CZ", "Ceska republika"],
    "BR": ["Brazil", "Brasil", "BR", "BRA"],
    "CA": ["Canada", "CA", "CAN"],
}

LOCALE = {
    "UA": "uk_UA", "TH": "th_TH", "US": "en_US", "GB": "en_GB", "DE": "de_DE", "FR": "fr_FR",
    "PL": "pl_PL", "IT": "it_IT", "ES": "es_ES", "NL": "nl_NL", "CZ": "cs_CZ", "BR": "pt_BR",
    "CA": "en_CA",
}

# (name, other spellings, region, postal spec, area codes, is_big_city)
CITIES = {
    "UA": [
        ("Київ", ["Kyiv", "Kiev", "Киев", "м. Київ", "г. Киев"], "Київська", "0{1-4}###", ["44"], True),
        ("Харків", ["Kharkiv", "Kharkov", "Харьков"], "Харківська", "61###", ["57"], True),
        ("Львів", ["Lviv", "Lvov", "Львов", "Lwów"], "Львівська", "79###", ["32"], True),
        ("Одеса", ["Odesa", "Odessa", "Одесса"], "Одеська", "65###", ["48"], True),
        ("Дніпро", ["Dnipro", "Dnepr", "Днепр"], "Дніпропетровська", "49###", ["56"], True),
        ("Запоріжжя", ["Zaporizhzhia", "Zaporozhye", "Запорожье"], "Запорізька", "69###", ["61"], False),
        ("Вінниця", ["Vinnytsia", "Vinnitsa", "Винница"], "Вінницька", "21###", ["432"], False),
        ("Полтава", ["Poltava"], "Полтавська", "36###", ["532"], False),
        ("Чернігів", ["Chernihiv", "Chernigov", "Чернигов"], "Чернігівська", "14###", ["462"], False),
        ("Івано-Франківськ", ["Ivano-Frankivsk", "Ivano-Frankovsk"], "Івано-Франківська", "76###", ["342"], False),
        ("Тернопіль", ["Ternopil", "Ternopol"], "Тернопільська", "46###", ["352"], False),
        ("Житомир", ["Zhytomyr", "Zhitomir"], "Житомирська", "10###", ["412"], False),
        ("Черкаси", ["Cherkasy", "Cherkassy"], "Черкаська", "18###", ["472"], False),
        ("Рівне", ["Rivne", "Rovno"], "Рівненська", "33###", ["362"], False),
        ("Луцьк", ["Lutsk"], "Волинська", "43###", ["332"], False),
        ("Ужгород", ["Uzhhorod", "Uzhgorod"], "Закарпатська", "88###", ["312"], False),
    ],
    "TH": [
        # Bangkok: district-level data is in TH_BKK below
        ("กรุงเทพมหานคร", ["Bangkok", "กรุงเทพฯ", "กทม.", "Krung Thep Maha Nakhon", "BKK"], "กรุงเทพมหานคร", "BKK", ["2"], True),
        ("เชียงใหม่", ["Chiang Mai", "Chiangmai"], "เชียงใหม่", "50200", ["53"], False),
        ("ภูเก็ต", ["Phuket"], "ภูเก็ต", "83000", ["76"], False),
        ("ขอนแก่น", ["Khon Kaen"], "ขอนแก่น", "40000", ["43"], False),
        ("ชลบุรี", ["Chon Buri", "Chonburi"], "ชลบุรี", "20000", ["38"], False),
        ("นนทบุรี", ["Nonthaburi"], "นนทบุรี", "11000", ["2"], False),
        ("หาดใหญ่", ["Hat Yai", "Haad Yai"], "สงขลา", "90110", ["74"], False),
        ("นครราชสีมา", ["Nakhon Ratchasima", "Korat"], "นครราชสีมา", "30000", ["44"], False),
        ("อุดรธานี", ["Udon Thani", "Udonthani"], "อุดรธานี", "41000", ["42"], False),
        ("สมุทรปราการ", ["Samut Prakan", "Samutprakarn"], "สมุทรปราการ", "10270", ["2"], False),
    ],
    "US": [
        ("New York", ["NYC", "New York City", "Brooklyn"], "NY", "10###", ["212", "646", "718", "917"], True),
        ("Los Angeles", ["LA", "Los Angeles CA"], "CA", "900##", ["213", "310", "323"], True),
        ("Chicago", [], "IL", "606##", ["312", "773"], True),
        ("Houston", [], "TX", "770##", ["713", "832"], True),
        ("Phoenix", [], "AZ", "850##", ["602", "480"], False),
        ("Philadelphia", ["Phila"], "PA", "191##", ["215", "267"], False),
        ("San Diego", [], "CA", "921##", ["619", "858"], False),
        ("Dallas", [], "TX", "752##", ["214", "972"], False),
        ("Austin", [], "TX", "787##", ["512"], False),
        ("Seattle", [], "WA", "981##", ["206"], False),
        ("Denver", [], "CO", "802##", ["303", "720"], False),
        ("Boston", [], "MA", "021##", ["617"], False),
        ("Atlanta", [], "GA", "303##", ["404", "678"], False),
        ("Miami", [], "FL", "331##", ["305", "786"], False),
    ],
    "GB": [
        ("London", ["LONDON", "Greater London"], "", "LONDON", ["20"], True),
        ("Manchester", [], "Greater Manchester", "M{1-40}", ["161"], True),
        ("Birmingham", [], "West Midlands", "B{1-45}", ["121"], False),
        ("Leeds", [], "West Yorkshire", "LS{1-29}", ["113"], False),
        ("Glasgow", [], "", "G{1-53}", ["141"], False),
        ("Edinburgh", [], "", "EH{1-17}", ["131"], False),
        ("Bristol", [], "", "BS{1-16}", ["117"], False),
        ("Liverpool", [], "Merseyside", "L{1-38}", ["151"], False),
    ],
    "DE": [
        ("Berlin", [], "Berlin", "1{0-3}###", ["30"], True),
        ("Hamburg", [], "Hamburg", "2{0-2}###", ["40"], True),
        ("München", ["Muenchen", "Munich", "Munchen"], "Bayern", "8{0-1}###", ["89"], True),
        ("Köln", ["Koeln", "Cologne", "Koln"], "Nordrhein-Westfalen", "50###", ["221"], False),
        ("Frankfurt am Main", ["Frankfurt", "Frankfurt a. M.", "Frankfurt/Main"], "Hessen", "60###", ["69"], False),
        ("Stuttgart", [], "Baden-Württemberg", "70###", ["711"], False),
        ("Düsseldorf", ["Duesseldorf", "Dusseldorf"], "Nordrhein-Westfalen", "40###", ["211"], False),
        ("Leipzig", [], "Sachsen", "04###", ["341"], False),
    ],
    "FR": [
        ("Paris", ["PARIS", "Paris 15e", "Paris Cedex"], "Île-de-France", "750{01-20}", ["1"], True),
        ("Lyon", ["LYON", "Lyon 3e"], "Auvergne-Rhône-Alpes", "6900{1-9}", ["4"], True),
        ("Marseille", ["MARSEILLE"], "Provence-Alpes-Côte d'Azur", "130{01-16}", ["4"], True),
        ("Toulouse", [], "Occitanie", "31{000-500}", ["5"], False),
        ("Nice", [], "Provence-Alpes-Côte d'Azur", "06{000-300}", ["4"], False),
        ("Nantes", [], "Pays de la Loire", "44{000-300}", ["2"], False),
        ("Strasbourg", [], "Grand Est", "67{000-200}", ["3"], False),
        ("Bordeaux", [], "Nouvelle-Aquitaine", "33{000-300}", ["5"], False),
        ("Lille", [], "Hauts-de-France", "59{000-800}", ["3"], False),
    ],
    "PL": [
        ("Warszawa", ["Warsaw", "WARSZAWA", "Warszawa-Mokotów"], "mazowieckie", "0{0-4}-###", ["22"], True),
        ("Kraków", ["Krakow", "Cracow"], "małopolskie", "3{0-1}-###", ["12"], True),
        ("Wrocław", ["Wroclaw"], "dolnośląskie", "5{0-4}-###", ["71"], False),
        ("Poznań", ["Poznan"], "wielkopolskie", "6{0-1}-###", ["61"], False),
        ("Gdańsk", ["Gdansk"], "pomorskie", "80-###", ["58"], False),
        ("Łódź", ["Lodz"], "łódzkie", "9{0-4}-###", ["42"], False),
    ],
    "IT": [
        ("Roma", ["Rome", "ROMA"], "RM", "001{18-99}", ["06"], True),
        ("Milano", ["Milan", "MILANO"], "MI", "201{21-62}", ["02"], True),
        ("Napoli", ["Naples"], "NA", "801{21-47}", ["081"], False),
        ("Torino", ["Turin"], "TO", "101{21-56}", ["011"], False),
        ("Firenze", ["Florence"], "FI", "501{21-45}", ["055"], False),
        ("Bologna", [], "BO", "401{21-41}", ["051"], False),
    ],
    "ES": [
        ("Madrid", ["MADRID"], "Madrid", "280{01-55}", ["91"], True),
        ("Barcelona", ["BARCELONA"], "Barcelona", "080{01-42}", ["93"], True),
        ("Valencia", ["València"], "Valencia", "460{01-26}", ["96"], False),
        ("Sevilla", ["Seville"], "Sevilla", "410{01-20}", ["95"], False),
        ("Zaragoza", [], "Zaragoza", "500{01-18}", ["976"], False),
        ("Málaga", ["Malaga"], "Málaga", "290{01-18}", ["952"], False),
    ],
    "NL": [
        ("Amsterdam", ["AMSTERDAM"], "Noord-Holland", "1{011-109}", ["20"], True),
        ("Rotterdam", [], "Zuid-Holland", "30{11-89}", ["10"], True),
        ("Den Haag", ["'s-Gravenhage", "The Hague"], "Zuid-Holland", "25{01-99}", ["70"], False),
        ("Utrecht", [], "Utrecht", "35{11-85}", ["30"], False),
        ("Eindhoven", [], "Noord-Brabant", "56{11-58}", ["40"], False),
    ],
    "CZ": [
        ("Praha", ["Prague", "Praha 2", "Praha 5"], "Hlavní město Praha", "1{10-90}00", ["2"], True),
        ("Brno", [], "Jihomoravský kraj", "6{02-40}00", ["54"], True),
        ("Ostrava", [], "Moravskoslezský kraj", "7{00-25}00", ["59"], False),
        ("Plzeň", ["Plzen", "Pilsen"], "Plzeňský kraj", "3{01-26}00", ["37"], False),
    ],
    "BR": [
        ("São Paulo", ["Sao Paulo", "SÃO PAULO", "S. Paulo"], "SP", "0{1-5}###-###", ["11"], True),
        ("Rio de Janeiro", ["Rio", "RJ"], "RJ", "2{0-3}###-###", ["21"], True),
        ("Belo Horizonte", ["BH"], "MG", "3{0-1}###-###", ["31"], False),
        ("Brasília", ["Brasilia"], "DF", "7{0-2}###-###", ["61"], False),
        ("Curitiba", [], "PR", "8{0-2}###-###", ["41"], False),
        ("Porto Alegre", [], "RS", "9{0-1}###-###", ["51"], False),
    ],
    "CA": [
        ("Toronto", [], "ON", "M", ["416", "647"], True),
        ("Montréal", ["Montreal"], "QC", "H", ["514", "438"], True),
        ("Vancouver", [], "BC", "V", ["604", "778"], False),
        ("Calgary", [], "AB", "T", ["403", "587"], False),
        ("Ottawa", [], "ON", "K", ["613", "343"], False),
    ],
}

# Bangkok districts (เขต) with sub-districts (แขวง), romanisation and postcode.
TH_BKK = [
    ("คลองเตย", "Khlong Toei", "10110", [("คลองเตย", "Khlong Toei"), ("คลองตัน", "Khlong Tan"), ("พระโขนง", "Phra Khanong")]),
    ("วัฒนา", "Watthana", "10110", [("คลองเตยเหนือ", "Khlong Toei Nuea"), ("คลองตันเหนือ", "Khlong Tan Nuea"), ("พระโขนงเหนือ", "Phra Khanong Nuea")]),
    ("บางรัก", "Bang Rak", "10500", [("สีลม", "Si Lom"), ("สุริยวงศ์", "Suriyawong"), ("บางรัก", "Bang Rak")]),
    ("ปทุมวัน", "Pathum Wan", "10330", [("ลุมพินี", "Lumphini"), ("ปทุมวัน", "Pathum Wan"), ("วังใหม่", "Wang Mai")]),
    ("จตุจักร", "Chatuchak", "10900", [("จตุจักร", "Chatuchak"), ("ลาดยาว", "Lat Yao"), ("จอมพล", "Chom Phon"), ("จันทรเกษม", "Chan Kasem")]),
    ("ห้วยขวาง", "Huai Khwang", "10310", [("ห้วยขวาง", "Huai Khwang"), ("สามเสนนอก", "Sam Sen Nok")]),
    ("บางกะปิ", "Bang Kapi", "10240", [("คลองจั่น", "Khlong Chan"), ("หัวหมาก", "Hua Mak")]),
    ("สาทร", "Sathon", "10120", [("ยานนาวา", "Yan Nawa"), ("ทุ่งมหาเมฆ", "Thung Maha Mek"), ("ทุ่งวัดดอน", "Thung Wat Don")]),
    ("บางนา", "Bang Na", "10260", [("บางนาเหนือ", "Bang Na Nuea"), ("บางนาใต้", "Bang Na Tai")]),
    ("ลาดพร้าว", "Lat Phrao", "10230", [("ลาดพร้าว", "Lat Phrao"), ("จรเข้บัว", "Chorakhe Bua")]),
]

TH_PROVINCE_EN = {
    "กรุงเทพมหานคร": "Bangkok", "เชียงใหม่": "Chiang Mai", "ภูเก็ต": "Phuket", "ขอนแก่น": "Khon Kaen",
    "ชลบุรี": "Chon Buri", "นนทบุรี": "Nonthaburi", "สงขลา": "Songkhla", "นครราชสีมา": "Nakhon Ratchasima",
    "อุดรธานี": "Udon Thani", "สมุทรปราการ": "Samut Prakan",
}

# Provincial sub-districts (ตำบล, อำเภอ) per city for non-Bangkok Thai addresses.
TH_PROV = {
    "เชียงใหม่": [("ศรีภูมิ", "Si Phum", "เมืองเชียงใหม่", "Mueang Chiang Mai", "50200"), ("ช้างคลาน", "Chang Khlan", "เมืองเชียงใหม่", "Mueang Chiang Mai", "50100"), ("สุเทพ", "Suthep", "เมืองเชียงใหม่", "Mueang Chiang Mai", "50200")],
    "ภูเก็ต": [("ตลาดใหญ่", "Talat Yai", "เมืองภูเก็ต", "Mueang Phuket", "83000"), ("ป่าตอง", "Patong", "กะทู้", "Kathu", "83150"), ("ราไวย์", "Rawai", "เมืองภูเก็ต", "Mueang Phuket", "83130")],
    "ขอนแก่น": [("ในเมือง", "Nai Mueang", "เมืองขอนแก่น", "Mueang Khon Kaen", "40000"), ("ศิลา", "Sila", "เมืองขอนแก่น", "Mueang Khon Kaen", "40000")],
    "ชลบุรี": [("บ้านสวน", "Ban Suan", "เมืองชลบุรี", "Mueang Chon Buri", "20000"), ("หนองปรือ", "Nong Prue", "บางละมุง", "Bang Lamung", "20150"), ("นาเกลือ", "Na Kluea", "บางละมุง", "Bang Lamung", "20150")],
    "นนทบุรี": [("บางกระสอ", "Bang Kraso", "เมืองนนทบุรี", "Mueang Nonthaburi", "11000"), ("ปากเกร็ด", "Pak Kret", "ปากเกร็ด", "Pak Kret", "11120")],
    "หาดใหญ่": [("หาดใหญ่", "Hat Yai", "หาดใหญ่", "Hat Yai", "90110"), ("คอหงส์", "Kho Hong", "หาดใหญ่", "Hat Yai", "90110")],
    "นครราชสีมา": [("ในเมือง", "Nai Mueang", "เมืองนครราชสีมา", "Mueang Nakhon Ratchasima", "30000")],
    "อุดรธานี": [("หมากแข้ง", "Mak Khaeng", "เมืองอุดรธานี", "Mueang Udon Thani", "41000")],
    "สมุทรปราการ": [("ปากน้ำ", "Pak Nam", "เมืองสมุทรปราการ", "Mueang Samut Prakan", "10270"), ("บางพลีใหญ่", "Bang Phli Yai", "บางพลี", "Bang Phli", "10540")],
}

# Thai roads: (Thai, RTGS, common English spelling)
TH_ROADS = [
    ("สุขุมวิท", "Sukhumvit", "Sukhumvit"), ("พหลโยธิน", "Phahonyothin", "Phaholyothin"),
    ("รัชดาภิเษก", "Ratchadaphisek", "Ratchadapisek"), ("ลาดพร้าว", "Lat Phrao", "Ladprao"),
    ("เพชรบุรี", "Phetchaburi", "Petchburi"), ("สีลม", "Si Lom", "Silom"), ("สาทรใต้", "Sathon Tai", "South Sathorn"),
    ("พระราม 4", "Rama 4", "Rama IV"), ("พระราม 9", "Rama 9", "Rama IX"), ("รามคำแหง", "Ramkhamhaeng", "Ramkhamhaeng"),
    ("งามวงศ์วาน", "Ngamwongwan", "Ngamwongwan"), ("วิภาวดีรังสิต", "Wiphawadi Rangsit", "Vibhavadi Rangsit"),
    ("แจ้งวัฒนะ", "Chaeng Watthana", "Chaengwattana"), ("ศรีนครินทร์", "Si Nakharin", "Srinakarin"),
    ("เจริญกรุง", "Charoen Krung", "Charoenkrung"), ("นิมมานเหมินท์", "Nimmanhemin", "Nimmanhaemin"),
    ("ห้วยแก้ว", "Huai Kaeo", "Huay Kaew"), ("มิตรภาพ", "Mittraphap", "Friendship"), ("ราษฎร์อุทิศ", "Rat U-thit", "Rat-U-Thit"),
]

# ---------------------------------------------------------------------------------------------
# Ukrainian given names: (Ukrainian, Russian form, [diminutives in Ukrainian]), weights roughly
# by frequency among adults.
# ---------------------------------------------------------------------------------------------

UA_MALE = [
    ("Олександр", "Александр", ["Саша", "Сашко"], 10), ("Сергій", "Сергей", ["Сергійко"], 8),
    ("Андрій", "Андрей", ["Андрійко"], 8), ("Дмитро", "Дмитрий", ["Діма"], 6),
    ("Володимир", "Владимир", ["Вова", "Володя"], 7), ("Максим", "Максим", ["Макс"], 4),
    ("Іван", "Иван", ["Ваня", "Івась"], 5), ("Михайло", "Михаил", ["Міша"], 4), ("Юрій", "Юрий", ["Юра"], 5),
    ("Віктор", "Виктор", ["Вітя"], 4), ("Олег", "Олег", [], 4), ("Василь", "Василий", ["Вася"], 4),
    ("Микола", "Николай", ["Коля"], 5), ("Петро", "Петр", ["Петя"], 3), ("Богдан", "Богдан", ["Бодя"], 3),
    ("Тарас", "Тарас", [], 2), ("Віталій", "Виталий", ["Віталік"], 3), ("Ігор", "Игорь", [], 4),
    ("Роман", "Роман", ["Рома"], 3), ("Павло", "Павел", ["Паша"], 3), ("Євген", "Евгений", ["Женя"], 3),
    ("Анатолій", "Анатолий", ["Толя"], 2), ("Денис", "Денис", [], 2), ("Артем", "Артем", ["Тьома"], 2),
    ("Олексій", "Алексей", ["Льоша", "Олесь"], 3), ("Ярослав", "Ярослав", ["Ярик"], 2), ("Назар", "Назар", [], 1),
    ("Степан", "Степан", [], 1), ("Григорій", "Григорий", ["Гриша"], 1), ("Костянтин", "Константин", ["Костя"], 2),
    ("Вадим", "Вадим", [], 2), ("Валентин", "Валентин", [], 1), ("Дем'ян", "Демьян", [], 1),
]
UA_FEMALE = [
    ("Олена", "Елена", ["Лена", "Оленка"], 9), ("Наталія", "Наталья", ["Наталя", "Наташа"], 8),
    ("Тетяна", "Татьяна", ["Таня"], 8), ("Ірина", "Ирина", ["Іра"], 7), ("Світлана", "Светлана", ["Світла", "Свєта"], 5),
    ("Оксана", "Оксана", [], 6), ("Юлія", "Юлия", ["Юля"], 5), ("Ольга", "Ольга", ["Оля"], 6),
    ("Марія", "Мария", ["Маша", "Марічка"], 5), ("Катерина", "Екатерина", ["Катя"], 5), ("Анна", "Анна", ["Аня"], 4),
    ("Ганна", "Анна", ["Ганя"], 2), ("Людмила", "Людмила", ["Люда"], 4), ("Галина", "Галина", ["Галя"], 4),
    ("Валентина", "Валентина", ["Валя"], 3), ("Анастасія", "Анастасия", ["Настя"], 4), ("Вікторія", "Виктория", ["Віка"], 4),
    ("Лариса", "Лариса", [], 2), ("Надія", "Надежда", ["Надя"], 2), ("Любов", "Любовь", ["Люба"], 2),
    ("Софія", "София", ["Соня"], 2), ("Христина", "Кристина", [], 2), ("Дарина", "Дарья", ["Даша"], 2),
    ("Інна", "Инна", [], 2), ("Яна", "Яна", [], 2), ("Мирослава", "Мирослава", ["Мирося"], 1), ("Ніна", "Нина", [], 2),
    ("Зоряна", "Зоряна", [], 1),
]

# Common Ukrainian surnames (masculine form); the generator also draws rarer ones from Faker.
UA_SURNAMES = [
    "Мельник", "Шевченко", "Бойко", "Коваленко", "Бондаренко", "Ткаченко", "Ковальчук", "Кравченко",
    "Олійник", "Шевчук", "Коваль", "Поліщук", "Бондар", "Ткачук", "Марченко", "Лисенко", "Руденко",
    "Савченко", "Петренко", "Іваненко", "Мороз", "Клименко", "Павленко", "Кравчук", "Кузьменко",
    "Левченко", "Гнатюк", "Ковальський", "Іванов", "Пономаренко", "Мазур", "Гончаренко", "Литвиненко",
    "Вознюк", "Захарченко", "Гаврилюк", "Козак", "Білий", "Яковенко", "Романюк", "Тимошенко", "Гуменюк",
    "Симоненко", "Костенко", "Кушнір", "Швець", "Демченко", "Головко", "Захарчук", "Кисіль", "Щербак",
    "Осадчий", "Приходько", "Юрченко", "Чорновол", "П'ятничук", "Дем'яненко", "Височанський", "Павлов",
]

# Russian forms of Ukrainian given names in Latin, as old Soviet/Russian-style documents and
# Russian-speaking staff write them.
UA_RU_LATIN = {
    "Александр": ["Aleksandr", "Alexander", "Alexandr"], "Сергей": ["Sergey", "Sergei"], "Андрей": ["Andrey", "Andrei"],
    "Дмитрий": ["Dmitriy", "Dmitry", "Dmitrii"], "Владимир": ["Vladimir"], "Максим": ["Maksim", "Maxim"],
    "Иван": ["Ivan"], "Михаил": ["Mikhail", "Michail"], "Юрий": ["Yuriy", "Yury", "Iurii"], "Виктор": ["Viktor", "Victor"],
    "Олег": ["Oleg"], "Василий": ["Vasiliy", "Vasily"], "Николай": ["Nikolay", "Nikolai"], "Петр": ["Petr", "Pyotr"],
    "Богдан": ["Bogdan"], "Тарас": ["Taras"], "Виталий": ["Vitaliy", "Vitaly"], "Игорь": ["Igor"], "Роман": ["Roman"],
    "Павел": ["Pavel"], "Евгений": ["Evgeniy", "Yevgeny", "Evgeny"], "Анатолий": ["Anatoliy", "Anatoly"],
    "Денис": ["Denis"], "Артем": ["Artem", "Artyom"], "Алексей": ["Aleksey", "Alexey", "Alexei"], "Ярослав": ["Yaroslav"],
    "Назар": ["Nazar"], "Степан": ["Stepan"], "Григорий": ["Grigoriy", "Grigory"], "Константин": ["Konstantin"],
    "Вадим": ["Vadim"], "Валентин": ["Valentin"], "Демьян": ["Demyan"],
    "Елена": ["Elena", "Yelena"], "Наталья": ["Natalya", "Natalia", "Natalia"], "Татьяна": ["Tatyana", "Tatiana"],
    "Ирина": ["Irina"], "Светлана": ["Svetlana"], "Оксана": ["Oksana"], "Юлия": ["Yulia", "Julia", "Yuliya"],
    "Ольга": ["Olga"], "Мария": ["Maria", "Mariya"], "Екатерина": ["Ekaterina", "Yekaterina"], "Анна": ["Anna"],
    "Людмила": ["Lyudmila", "Ludmila"], "Галина": ["Galina"], "Валентина": ["Valentina"], "Анастасия": ["Anastasia", "Anastasiya"],
    "Виктория": ["Viktoria", "Victoria"], "Лариса": ["Larisa"], "Надежда": ["Nadezhda"], "Любовь": ["Lyubov"],
    "София": ["Sofia", "Sofiya"], "Кристина": ["Kristina"], "Дарья": ["Darya", "Daria"], "Инна": ["Inna"], "Яна": ["Yana"],
    "Мирослава": ["Miroslava"], "Нина": ["Nina"], "Зоряна": ["Zoryana"],
}

# ---------------------------------------------------------------------------------------------
# Thai given names: (Thai, RTGS, [spellings people actually use]), gender
# ---------------------------------------------------------------------------------------------

TH_MALE = [
    ("สมชาย", "Somchai", ["Somchai", "Somchay"]), ("สมศักดิ์", "Somsak", ["Somsak"]), ("สมพงษ์", "Somphong", ["Sompong"]),
    ("ประเสริฐ", "Prasoet", ["Prasert"]), ("วิชัย", "Wichai", ["Vichai", "Wichai"]), ("สุรชัย", "Surachai", ["Surachai"]),
    ("ธนากร", "Thanakon", ["Thanakorn", "Tanakorn"]), ("ณัฐพล", "Natthaphon", ["Nattapon", "Nuttapol", "Natthapol"]),
    ("อนุชา", "Anucha", ["Anucha"]), ("กิตติพงษ์", "Kittiphong", ["Kittipong"]), ("ชัยวัฒน์", "Chaiwat", ["Chaiwat"]),
    ("พงศกร", "Phongsakon", ["Pongsakorn"]), ("ธีรพงษ์", "Thiraphong", ["Teerapong", "Theerapong"]),
    ("วีระ", "Wira", ["Weera", "Veera"]), ("สุทธิพงษ์", "Sutthiphong", ["Suttipong"]), ("อภิชาติ", "Aphichat", ["Apichart", "Apichat"]),
    ("บุญชัย", "Bunchai", ["Boonchai"]), ("เกียรติศักดิ์", "Kiattisak", ["Kiatisak"]), ("ศักดิ์ชัย", "Sakchai", ["Sakchai"]),
    ("ณรงค์", "Narong", ["Narong"]), ("ชาญวิทย์", "Chanwit", ["Charnwit"]), ("ปิยะ", "Piya", ["Piya"]),
    ("วรวุฒิ", "Worawut", ["Woravut", "Worawuth"]), ("ธนพล", "Thanaphon", ["Thanapol", "Tanapon"]),
    ("จักรพันธ์", "Chakkraphan", ["Jakkapan", "Jakkaphan"]), ("สุริยา", "Suriya", ["Suriya"]),
    ("วิทยา", "Witthaya", ["Wittaya", "Vitaya"]), ("อำนาจ", "Amnat", ["Amnart"]), ("ไพโรจน์", "Phairot", ["Pairoj", "Pairote"]),
    ("ชัยณรงค์", "Chainarong", ["Chainarong"]), ("ภานุวัฒน์", "Phanuwat", ["Panuwat"]), ("ศุภชัย", "Supphachai", ["Supachai"]),
    ("นพดล", "Nopphadon", ["Noppadol", "Nopadol"]), ("อดิศักดิ์", "Adisak", ["Adisak"]),
]
TH_FEMALE = [
    ("สมหญิง", "Somying", ["Somying"]), ("สุดารัตน์", "Sudarat", ["Sudarat"]), ("มาลี", "Mali", ["Malee"]),
    ("วันเพ็ญ", "Wanphen", ["Wanpen"]), ("ศิริพร", "Siriphon", ["Siriporn"]), ("กาญจนา", "Kanchana", ["Kanjana", "Karnchana"]),
    ("นภา", "Napha", ["Napa"]), ("อรุณี", "Aruni", ["Arunee"]), ("พรทิพย์", "Phonthip", ["Porntip", "Porntib"]),
    ("รัตนา", "Rattana", ["Ratana", "Rattana"]), ("สุภาพร", "Suphaphon", ["Supaporn"]), ("ปวีณา", "Pawina", ["Paweena"]),
    ("ณัฐธิดา", "Natthida", ["Nattida"]), ("วิไลวรรณ", "Wilaiwan", ["Wilaiwan", "Vilaiwan"]), ("อัญชลี", "Anchali", ["Anchalee", "Unchalee"]),
    ("ดวงใจ", "Duangchai", ["Duangjai"]), ("เพ็ญศรี", "Phensi", ["Pensri"]), ("นงลักษณ์", "Nonglak", ["Nongluck", "Nongluk"]),
    ("สุนีย์", "Suni", ["Sunee"]), ("จิราพร", "Chiraphon", ["Jiraporn"]), ("กัลยา", "Kanlaya", ["Kalaya", "Kunlaya"]),
    ("ธิดารัตน์", "Thidarat", ["Tidarat"]), ("เยาวลักษณ์", "Yaowalak", ["Yaowaluck"]), ("พิมพ์ชนก", "Phimchanok", ["Pimchanok"]),
    ("อรอุมา", "On-uma", ["Onuma", "Ornuma"]), ("ชนิดา", "Chanida", ["Chanida"]), ("ปิยะนุช", "Piyanut", ["Piyanuch"]),
    ("วรรณา", "Wanna", ["Wanna", "Vanna"]), ("สุวรรณี", "Suwanni", ["Suwannee"]), ("นันทนา", "Nanthana", ["Nantana"]),
    ("จันทร์เพ็ญ", "Chanphen", ["Janpen", "Chanpen"]), ("ศศิธร", "Sasithon", ["Sasithorn"]), ("เบญจวรรณ", "Benchawan", ["Benjawan"]),
    ("อรทัย", "Orathai", ["Oratai"]), ("ลัดดา", "Ladda", ["Ladda"]),
]
# Thai surname building blocks: (Thai, RTGS, popular spelling)
TH_SURNAME_PARTS = [
    ("ศรี", "Si", "Sri"), ("บุญ", "Bun", "Boon"), ("ทอง", "Thong", "Tong"), ("แก้ว", "Kaeo", "Kaew"), ("สุข", "Suk", "Sook"),
    ("ดี", "Di", "Dee"), ("วงศ์", "Wong", "Wong"), ("สวัสดิ์", "Sawat", "Sawat"), ("ชัย", "Chai", "Chai"),
    ("มงคล", "Mongkhon", "Mongkol"), ("เจริญ", "Charoen", "Jaroen"), ("รัตน", "Rattana", "Rattana"), ("พันธ์", "Phan", "Pan"),
    ("ศักดิ์", "Sak", "Sak"), ("มณี", "Mani", "Manee"), ("จันทร์", "Chan", "Jan"), ("เพชร", "Phet", "Petch"),
    ("สุวรรณ", "Suwan", "Suwan"), ("ประเสริฐ", "Prasoet", "Prasert"), ("เรือง", "Rueang", "Ruang"), ("กิตติ", "Kitti", "Kitti"),
    ("ธนา", "Thana", "Tana"), ("พงษ์", "Phong", "Pong"), ("นาค", "Nak", "Nak"), ("ใจ", "Chai", "Jai"), ("สาย", "Sai", "Sai"),
    ("ดวง", "Duang", "Duang"), ("หอม", "Hom", "Hom"), ("ทรัพย์", "Sap", "Sub"), ("เดช", "Det", "Dech"), ("อุดม", "Udom", "Udom"),
    ("ภักดี", "Phakdi", "Pakdee"), ("ไพศาล", "Phaisan", "Paisarn"), ("วัฒนา", "Watthana", "Wattana"),
    ("สมบูรณ์", "Sombun", "Somboon"), ("ปัญญา", "Panya", "Panya"), ("อินทร์", "In", "In"), ("พรหม", "Phrom", "Prom"),
    ("ศิริ", "Siri", "Siri"), ("มา", "Ma", "Ma"), ("ชาติ", "Chat", "Chart"), ("กุล", "Kun", "Kul"), ("วิเศษ", "Wiset", "Wiset"),
    ("ทิพย์", "Thip", "Tip"), ("เงิน", "Ngoen", "Ngern"), ("คำ", "Kham", "Kham"), ("ยิ่ง", "Ying", "Ying"), ("ยศ", "Yot", "Yos"),
]

# ---------------------------------------------------------------------------------------------
# Nicknames / short forms (formal → [informal]); matched case-sensitively on the given name.
# ---------------------------------------------------------------------------------------------
NICKNAMES = {
    # English
    "Robert": ["Bob", "Rob", "Bobby"], "William": ["Bill", "Will", "Billy"], "Elizabeth": ["Liz", "Beth", "Betty"],
    "Katherine": ["Kate", "Kathy"], "Catherine": ["Cathy", "Kate"], "Margaret": ["Maggie", "Peggy"], "James": ["Jim", "Jimmy"],
    "Richard": ["Rick", "Dick", "Rich"], "Michael": ["Mike"], "Jennifer": ["Jen", "Jenny"], "Christopher": ["Chris"],
    "Thomas": ["Tom", "Tommy"], "Joseph": ["Joe"], "Daniel": ["Dan", "Danny"], "Matthew": ["Matt"], "Anthony": ["Tony"],
    "Steven": ["Steve"], "Stephen": ["Steve"], "Patricia": ["Pat", "Trish"], "Susan": ["Sue"], "Deborah": ["Debbie", "Deb"],
    "Rebecca": ["Becky"], "Samantha": ["Sam"], "Alexander": ["Alex"], "Nicholas": ["Nick"], "Benjamin": ["Ben"],
    "Jonathan": ["Jon"], "Timothy": ["Tim"], "Edward": ["Ed", "Ted"], "Charles": ["Charlie", "Chuck"], "Victoria": ["Vicky"],
    "Jessica": ["Jess"], "Andrew": ["Andy", "Drew"], "Douglas": ["Doug"], "Gregory": ["Greg"], "Kenneth": ["Ken"],
    "Lawrence": ["Larry"], "Ronald": ["Ron"], "Donald": ["Don"], "Gerald": ["Jerry"], "Peter": ["Pete"], "Frederick": ["Fred"],
    "Abigail": ["Abby"], "Kimberly": ["Kim"], "Pamela": ["Pam"], "Cynthia": ["Cindy"], "Jacqueline": ["Jackie"],
    "Zachary": ["Zach"], "Joshua": ["Josh"], "Nathan": ["Nate"], "Samuel": ["Sam"], "David": ["Dave"], "Jeffrey": ["Jeff"],
    "Raymond": ["Ray"], "Christine": ["Chris"], "Kristen": ["Kris"], "Melissa": ["Mel"], "Stephanie": ["Steph"],
    "Jacob": ["Jake"], "Eleanor": ["Ellie"], "Theodore": ["Ted", "Teddy"], "Philip": ["Phil"], "Phillip": ["Phil"],
    "Gary": ["Gaz"], "Barry": ["Baz"], "Sarah": ["Sally"], "Amanda": ["Mandy"], "Judith": ["Judy"], "Dorothy": ["Dot"],
    # German
    "Johannes": ["Hans", "Jo"], "Katharina": ["Kathi", "Katja"], "Elisabeth": ["Lisa", "Liesl"], "Maximilian": ["Max"],
    "Friedrich": ["Fritz"], "Josef": ["Sepp", "Jupp"], "Susanne": ["Susi"], "Andreas": ["Andi"], "Franziska": ["Franzi"],
    "Gabriele": ["Gabi"], "Magdalena": ["Lena", "Magda"], "Christian": ["Chris"], "Matthias": ["Matze"],
    "Wolfgang": ["Wolf"], "Stefanie": ["Steffi"], "Alexandra": ["Alex", "Sandra"], "Christoph": ["Chris"],
    # French
    "Nicolas": ["Nico"], "Alexandre": ["Alex"], "Christophe": ["Chris"], "Frédéric": ["Fred"], "Dominique": ["Dom"],
    "Isabelle": ["Isa"], "Stéphanie": ["Steph"], "Véronique": ["Véro"], "Emmanuel": ["Manu"], "Philippe": ["Phil"],
    "Jean-Baptiste": ["JB"], "Jean-Pierre": ["JP"], "Marie-Christine": ["Marie"], "Guillaume": ["Guigui"],
    # Polish
    "Katarzyna": ["Kasia"], "Małgorzata": ["Gosia", "Małgosia"], "Aleksandra": ["Ola"], "Agnieszka": ["Aga"],
    "Joanna": ["Asia"], "Anna": ["Ania"], "Barbara": ["Basia"], "Elżbieta": ["Ela"], "Krzysztof": ["Krzysiek"],
    "Tomasz": ["Tomek"], "Wojciech": ["Wojtek"], "Grzegorz": ["Grzesiek"], "Aleksander": ["Olek"], "Piotr": ["Piotrek"],
    "Józef": ["Józek"], "Stanisław": ["Staszek"], "Bartłomiej": ["Bartek"], "Jakub": ["Kuba"], "Zofia": ["Zosia"],
    "Jan": ["Janek"],
    # Italian / Spanish / Portuguese
    "Giuseppe": ["Beppe", "Peppe"], "Francesco": ["Franco", "Cesco"], "Giovanni": ["Gianni"], "Antonio": ["Toni", "Toño"],
    "Alessandro": ["Ale", "Sandro"], "Elisabetta": ["Betta"], "Francisco": ["Paco", "Chico"], "José": ["Pepe", "Zé"],
    "Manuel": ["Manolo"], "Dolores": ["Lola"], "Ignacio": ["Nacho"], "Enrique": ["Quique"], "Concepción": ["Concha"],
    "Eduardo": ["Edu"], "Fernanda": ["Nanda"], "Gabriela": ["Gabi"], "Rafael": ["Rafa"], "Antônio": ["Toninho"],
    # Dutch / Czech
    "Wilhelmus": ["Wim"], "Cornelis": ["Kees"], "Hendrik": ["Henk"], "Jacobus": ["Jaap", "Koos"], "Petrus": ["Piet"],
    "Adrianus": ["Ad", "Arie"], "Gerardus": ["Gerard"], "Johanna": ["Anneke", "Hanneke"],
    "Jiří": ["Jirka"], "Petr": ["Péťa"], "Tomáš": ["Tom"], "Kateřina": ["Katka"], "Lucie": ["Lucka"],
    "Veronika": ["Verča"], "František": ["Franta"], "Vojtěch": ["Vojta"], "Michaela": ["Míša"],
}

# Common surnames per country (masculine form) — mixed with Faker's to make namesakes real.
COMMON_SURNAMES = {
    "US": ["Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez",
           "Hernandez", "Lopez", "Wilson", "Anderson", "Taylor", "Thomas", "Moore", "Jackson", "Lee", "Nguyen"],
    "GB": ["Smith", "Jones", "Williams", "Taylor", "Brown", "Davies", "Evans", "Wilson", "Thomas", "Johnson",
           "Roberts", "Robinson", "Thompson", "Wright", "Walker", "O'Brien", "Patel", "Khan", "Hughes", "Edwards"],
    "DE": ["Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz", "Hoffmann",
           "Schäfer", "Koch", "Bauer", "Richter", "Klein", "Wolf", "Schröder", "Neumann", "Schwarz", "Zimmermann"],
    "FR": ["Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau",
           "Simon", "Laurent", "Lefèvre", "Michel", "Garcia", "David", "Bertrand", "Roux", "Vincent", "Fournier"],
    "PL": ["Nowak", "Kowalski", "Wiśniewski", "Wójcik", "Kowalczyk", "Kamiński", "Lewandowski", "Zieliński",
           "Szymański", "Woźniak", "Dąbrowski", "Kozłowski", "Jankowski", "Mazur", "Kwiatkowski", "Krawczyk"],
    "IT": ["Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Colombo", "Ricci", "Marino", "Greco",
           "Bruno", "Gallo", "Conti", "De Luca", "Costa", "Giordano"],
    "ES": ["García", "Rodríguez", "González", "Fernández", "López", "Martínez", "Sánchez", "Pérez", "Gómez",
           "Martín", "Jiménez", "Ruiz", "Hernández", "Díaz", "Moreno", "Muñoz"],
    "NL": ["de Jong", "Jansen", "de Vries", "van den Berg", "van Dijk", "Bakker", "Janssen", "Visser", "Smit",
           "Meijer", "de Boer", "Mulder", "de Groot", "Bos", "Vos", "van der Linden"],
    "CZ": ["Novák", "Svoboda", "Novotný", "Dvořák", "Černý", "Procházka", "Kučera", "Veselý", "Horák", "Němec",
           "Marek", "Pokorný", "Pospíšil", "Hájek", "Jelínek", "Král"],
    "BR": ["Silva", "Santos", "Oliveira", "Souza", "Rodrigues", "Ferreira", "Alves", "Pereira", "Lima", "Gomes",
           "Costa", "Ribeiro", "Martins", "Carvalho", "Almeida", "Lopes"],
    "CA": ["Smith", "Brown", "Tremblay", "Martin", "Roy", "Wilson", "MacDonald", "Gagnon", "Johnson", "Taylor",
           "Côté", "Campbell", "Anderson", "Leblanc", "Lee", "Bouchard"],
}

# Namesake sets: (given, family in its masculine/base form, gender), used in the big city.
NAMESAKES = {
    "US": [("John", "Smith", "M"), ("Michael", "Johnson", "M"), ("Maria", "Garcia", "F"), ("James", "Williams", "M"), ("Jennifer", "Brown", "F")],
    "GB": [("John", "Smith", "M"), ("David", "Jones", "M"), ("Sarah", "Williams", "F"), ("James", "Taylor", "M"), ("Mohammed", "Khan", "M")],
    "DE": [("Thomas", "Müller", "M"), ("Michael", "Schmidt", "M"), ("Andreas", "Schneider", "M"), ("Sabine", "Fischer", "F")],
    "FR": [("Marie", "Martin", "F"), ("Jean", "Dubois", "M"), ("Nicolas", "Bernard", "M"), ("Nathalie", "Petit", "F")],
    "PL": [("Anna", "Kowalski", "F"), ("Piotr", "Nowak", "M"), ("Tomasz", "Wiśniewski", "M"), ("Katarzyna", "Nowak", "F")],
    "UA": [("Олександр", "Шевченко", "M"), ("Олена", "Коваленко", "F"), ("Сергій", "Мельник", "M"), ("Андрій", "Бондаренко", "M"), ("Наталія", "Ткаченко", "F")],
    "TH": [("สมชาย", "ใจดี", "M"), ("สมศักดิ์", "ศรีสุข", "M"), ("สุดารัตน์", "แก้วมณี", "F")],
    "IT": [("Giuseppe", "Rossi", "M"), ("Marco", "Russo", "M"), ("Francesca", "Ferrari", "F")],
    "ES": [("Antonio", "García", "M"), ("María", "Fernández", "F"), ("José", "López", "M")],
    "NL": [("Jan", "de Jong", "M"), ("Daan", "Jansen", "M"), ("Sanne", "de Vries", "F")],
    "CZ": [("Jan", "Novák", "M"), ("Jana", "Novák", "F"), ("Petr", "Svoboda", "M")],
    "BR": [("José", "Silva", "M"), ("Maria", "Santos", "F"), ("Ana", "Oliveira", "F")],
    "CA": [("David", "Smith", "M"), ("Jean", "Tremblay", "M"), ("Marie", "Gagnon", "F")],
}

# ---------------------------------------------------------------------------------------------
# Phones: mobile national-significant-number prefixes and length; landlines use city area
# codes (above) and the generator fills digits until phonenumbers says valid + right type.
# ---------------------------------------------------------------------------------------------
MOBILE = {
    "UA": (["50", "66", "95", "99", "63", "73", "93", "67", "68", "96", "97", "98"], [9]),
    "TH": (["61", "62", "63", "64", "65", "80", "81", "82", "83", "84", "85", "86", "87", "89", "90", "91", "92", "93", "94", "95"], [9]),
    "GB": (["74", "75", "77", "78", "79"], [10]),
    "DE": (["151", "152", "157", "160", "162", "170", "171", "172", "173", "174", "175", "176", "177", "178", "179"], [10, 11]),
    "FR": (["6", "7"], [9]),
    "PL": (["50", "51", "53", "57", "60", "66", "69", "72", "78", "79", "88"], [9]),
    "IT": (["320", "328", "329", "333", "335", "338", "340", "347", "348", "349", "366", "380", "392"], [10]),
    "ES": (["6", "71", "72", "73", "74"], [9]),
    "NL": (["6"], [9]),
    "CZ": (["60", "72", "73", "77", "79"], [9]),
    "BR": (None, [11]),   # area + 9 + 8 digits
    "US": (None, [10]),   # NANP: area code from the city
    "CA": (None, [10]),
}

# e-mail providers per country, with a rough popularity weight
EMAIL_PROVIDERS = {
    "UA": [("gmail.com", 10), ("ukr.net", 8), ("i.ua", 3), ("meta.ua", 2), ("ukr.net", 1), ("outlook.com", 1)],
    "TH": [("gmail.com", 10), ("hotmail.com", 6), ("yahoo.com", 2), ("outlook.co.th", 1), ("hotmail.co.th", 1)],
    "US": [("gmail.com", 10), ("yahoo.com", 4), ("aol.com", 2), ("outlook.com", 2), ("hotmail.com", 2), ("comcast.net", 1), ("icloud.com", 2)],
    "GB": [("gmail.com", 8), ("hotmail.co.uk", 4), ("yahoo.co.uk", 3), ("btinternet.com", 2), ("outlook.com", 2), ("sky.com", 1)],
    "DE": [("gmail.com", 5), ("web.de", 6), ("gmx.de", 6), ("t-online.de", 3), ("gmx.net", 2), ("outlook.de", 1)],
    "FR": [("gmail.com", 8), ("orange.fr", 4), ("free.fr", 3), ("laposte.net", 2), ("sfr.fr", 2), ("wanadoo.fr", 1), ("hotmail.fr", 2)],
    "PL": [("gmail.com", 8), ("wp.pl", 5), ("o2.pl", 4), ("onet.pl", 4), ("interia.pl", 3)],
    "IT": [("gmail.com", 8), ("libero.it", 5), ("virgilio.it", 2), ("hotmail.it", 2), ("tiscali.it", 1)],
    "ES": [("gmail.com", 10), ("hotmail.es", 4), ("yahoo.es", 2), ("telefonica.net", 1), ("outlook.es", 1)],
    "NL": [("gmail.com", 8), ("hotmail.nl", 3), ("ziggo.nl", 3), ("kpnmail.nl", 2), ("live.nl", 1)],
    "CZ": [("seznam.cz", 10), ("gmail.com", 6), ("email.cz", 3), ("centrum.cz", 3)],
    "BR": [("gmail.com", 10), ("hotmail.com", 5), ("uol.com.br", 2), ("bol.com.br", 2), ("yahoo.com.br", 2), ("terra.com.br", 1)],
    "CA": [("gmail.com", 8), ("hotmail.com", 3), ("yahoo.ca", 2), ("rogers.com", 2), ("shaw.ca", 1), ("sympatico.ca", 1)],
}
EMAIL_TYPOS = {
    "gmail.com": ["gmial.com", "gmail.co", "gmal.com", "gmail.con", "gamil.com"],
    "hotmail.com": ["hotmial.com", "hotmail.co", "hotmal.com"], "yahoo.com": ["yaho.com", "yahoo.co"],
    "outlook.com": ["outlok.com"], "ukr.net": ["ukr.ne", "urk.net"], "web.de": ["web.d", "wep.de"],
    "gmx.de": ["gmx.d", "gmz.de"], "wp.pl": ["wp.p"], "seznam.cz": ["sezam.cz", "seznam.c"], "orange.fr": ["orage.fr"],
}

TLD = {"UA": "com.ua", "TH": "co.th", "US": "com", "GB": "co.uk", "DE": "de", "FR": "fr", "PL": "pl", "IT": "it",
       "ES": "es", "NL": "nl", "CZ": "cz", "BR": "com.br", "CA": "ca"}

# Company legal forms (native, Latin) — for colleague groups.
LEGAL = {
    "UA": [("ТОВ «{}»", "{} LLC"), ("ПП «{}»", "PE {}"), ("ТОВ \"{}\"", "TOV {}")],
    "TH": [("บริษัท {} จำกัด", "{} Co., Ltd."), ("บริษัท {} จำกัด (มหาชน)", "{} PCL")],
    "US": [("{} Inc.", "{} Inc"), ("{} LLC", "{} LLC"), ("{} Corp.", "{} Corporation")],
    "GB": [("{} Ltd", "{} Limited"), ("{} PLC", "{} plc")],
    "DE": [("{} GmbH", "{} GmbH"), ("{} AG", "{} AG"), ("{} GmbH & Co. KG", "{} KG")],
    "FR": [("{} SAS", "{} S.A.S."), ("{} SARL", "{} S.A.R.L."), ("{} SA", "{} S.A.")],
    "PL": [("{} Sp. z o.o.", "{} sp. z o.o."), ("{} S.A.", "{} SA")],
    "IT": [("{} S.r.l.", "{} srl"), ("{} S.p.A.", "{} SpA")],
    "ES": [("{} S.L.", "{} SL"), ("{} S.A.", "{} SA")],
    "NL": [("{} B.V.", "{} BV"), ("{} N.V.", "{} NV")],
    "CZ": [("{} s.r.o.", "{} sro"), ("{} a.s.", "{} as")],
    "BR": [("{} Ltda.", "{} LTDA"), ("{} S.A.", "{} SA")],
    "CA": [("{} Inc.", "{} Inc"), ("{} Ltd.", "{} Limited")],
}
UA_COMPANY_WORDS = ["Ромашка", "Агросвіт", "Будінвест", "Техносервіс", "Дніпросталь", "Укрпромторг", "Світанок",
                    "Карпати-Трейд", "Полісся", "Енергоресурс", "Львівхліб", "Інтерлогістик", "Смарт Солюшнз", "Вектор"]
TH_COMPANY_WORDS = [("สยามเทค", "Siam Tech"), ("ไทยรุ่งเรือง", "Thai Rungruang"), ("เอเชียโลจิสติกส์", "Asia Logistics"),
                    ("กรุงเทพอาหาร", "Bangkok Food"), ("ศรีสุขการค้า", "Srisuk Trading"), ("ทองดีคอนสตรัคชั่น", "Thongdee Construction"),
                    ("แสงทองอินเตอร์", "Saengthong Inter"), ("บางกอกดิจิทัล", "Bangkok Digital")]

# Street-type words per country: key → (long form, [abbreviations]); position "pre" or "post".
STREETS = {
    "US": ["Main", "Oak", "Maple", "Cedar", "Pine", "Elm", "Washington", "Lake", "Hill", "Park", "Sunset", "Lincoln",
           "Highland", "Jefferson", "Franklin", "Madison", "Walnut", "Chestnut", "Spring", "Ridge", "Church", "Broad", "Mill"],
    "GB": ["High", "Station", "Church", "Victoria", "Queens", "Kings", "Mill", "Park", "Green", "London", "Manor",
           "Grove", "Albert", "York", "Windsor", "Chapel", "Springfield", "Stanley", "Princes", "North"],
    "CA": ["King", "Queen", "Yonge", "Bloor", "Dundas", "Main", "Maple", "Oak", "Elm", "Sherbrooke", "Robson",
           "Granville", "Bank", "Elgin", "Wellington", "Bay"],
    "DE": ["Haupt", "Bahnhof", "Schul", "Garten", "Dorf", "Berg", "Kirch", "Linden", "Wald", "Ring", "Goethe",
           "Schiller", "Friedrich", "Mozart", "Bismarck", "Rosen", "Mühlen", "Kastanien", "Eichen", "Sonnen"],
    "IT": ["Roma", "Garibaldi", "Mazzini", "Cavour", "Dante", "Verdi", "Matteotti", "XX Settembre", "Vittorio Emanuele II",
           "Marconi", "Nazionale", "dei Mille", "Manzoni", "Gramsci"],
    "ES": ["Mayor", "Real", "de la Iglesia", "del Sol", "de Alcalá", "Gran Vía", "de Serrano", "de la Constitución",
           "San Juan", "del Carmen", "de Velázquez", "de Goya", "Nueva", "de Santa Ana"],
    "BR": ["das Flores", "Augusta", "da Consolação", "Paulista", "XV de Novembro", "Sete de Setembro", "Rio Branco",
           "Brasil", "Santos Dumont", "Tiradentes", "Getúlio Vargas", "Dom Pedro II"],
}

# Most common given names (male, female) per country, for namesakes: a namesake group draws one
# of these with one of the COMMON_SURNAMES, so the same full name recurs only as often as it
# plausibly would.
COMMON_GIVEN = {
    "US": (["James", "John", "Robert", "Michael", "William", "David", "Richard", "Joseph"],
           ["Mary", "Patricia", "Jennifer", "Linda", "Elizabeth", "Barbara", "Susan", "Jessica"]),
    "GB": (["David", "John", "Paul", "Mark", "James", "Andrew", "Michael", "Peter"],
           ["Susan", "Sarah", "Margaret", "Elizabeth", "Claire", "Helen", "Emma", "Karen"]),
    "CA": (["David", "John", "Michael", "Robert", "Jean", "Daniel", "James", "Pierre"],
           ["Marie", "Sarah", "Jennifer", "Julie", "Lisa", "Karen", "Nathalie", "Michelle"]),
    "DE": (["Thomas", "Michael", "Andreas", "Peter", "Stefan", "Klaus", "Wolfgang", "Jürgen"],
           ["Sabine", "Ursula", "Petra", "Monika", "Claudia", "Susanne", "Andrea", "Anna"]),
    "FR": (["Jean", "Philippe", "Michel", "Nicolas", "Pierre", "Alain", "Patrick", "David"],
           ["Marie", "Nathalie", "Isabelle", "Sylvie", "Catherine", "Sophie", "Christine", "Julie"]),
    "PL": (["Piotr", "Krzysztof", "Tomasz", "Andrzej", "Paweł", "Jan", "Michał", "Marcin"],
           ["Anna", "Katarzyna", "Maria", "Małgorzata", "Agnieszka", "Barbara", "Ewa", "Krystyna"]),
    "IT": (["Giuseppe", "Giovanni", "Antonio", "Mario", "Luigi", "Francesco", "Marco", "Andrea"],
           ["Maria", "Anna", "Giuseppina", "Rosa", "Angela", "Giovanna", "Francesca", "Laura"]),
    "ES": (["Antonio", "José", "Manuel", "Francisco", "David", "Juan", "Javier", "Daniel"],
           ["María", "Carmen", "Ana", "Isabel", "Laura", "Cristina", "Marta", "Lucía"]),
    "NL": (["Jan", "Johannes", "Peter", "Daan", "Hendrik", "Cornelis", "Willem", "Pieter"],
           ["Maria", "Anna", "Johanna", "Sanne", "Emma", "Lisa", "Linda", "Anouk"]),
    "CZ": (["Jiří", "Jan", "Petr", "Josef", "Pavel", "Martin", "Tomáš", "Jaroslav"],
           ["Marie", "Jana", "Eva", "Hana", "Anna", "Lenka", "Kateřina", "Lucie"]),
    "BR": (["José", "João", "Antônio", "Francisco", "Carlos", "Paulo", "Pedro", "Lucas"],
           ["Maria", "Ana", "Francisca", "Antônia", "Adriana", "Juliana", "Márcia", "Fernanda"]),
    "UA": (["Олександр", "Сергій", "Андрій", "Володимир", "Дмитро", "Іван", "Юрій", "Микола"],
           ["Олена", "Наталія", "Тетяна", "Ірина", "Оксана", "Ольга", "Світлана", "Юлія"]),
    "TH": (["สมชาย", "สมศักดิ์", "วิชัย", "ประเสริฐ", "สมพงษ์", "ณรงค์"],
           ["สมหญิง", "สุดารัตน์", "มาลี", "วันเพ็ญ", "ศิริพร", "รัตนา"]),
}
# Thai surnames that many unrelated families share are rare; these few are the exception.
TH_COMMON_SURNAMES = ["ใจดี", "ศรีสุข", "แก้วมณี", "บุญมา", "ทองดี", "สุขสวัสดิ์"]
