use super::{sniff_config, write_config};
use crate::config::{Config, DateOrder, NameOrder, SourceConfig};

const UA: &str = "ПІБ;Телефон;Дата реєстрації\n\
    Шевченко Олександр Петрович;067 123 45 67;26.02.2019\n\
    Коваленко Марія Іванівна;050 222 33 44;13.11.2020\n\
    Бондар Олег Миколайович;063 555 66 77;01.03.2021\n";

fn sniffed(dir: &std::path::Path) -> Config {
    let input = dir.join("data").join("ua.csv");
    std::fs::create_dir_all(dir.join("data")).expect("mkdir");
    std::fs::write(&input, UA).expect("write");
    let base = Config {
        sources: vec![SourceConfig {
            path: input,
            ..SourceConfig::default()
        }],
        ..Config::default()
    };
    sniff_config(&base).expect("sniff").0
}

#[test]
fn sniffs_the_name_and_date_order() {
    let dir = tempfile::tempdir().expect("tempdir");
    let config = sniffed(dir.path());
    let source = &config.sources[0];
    assert_eq!(source.name_order, NameOrder::FamilyFirst);
    assert_eq!(source.date_order, DateOrder::DayFirst);
    assert_eq!(source.country.as_deref(), Some("UA"));
}

#[test]
fn the_written_config_reads_the_same_files_from_its_own_folder() {
    let dir = tempfile::tempdir().expect("tempdir");
    let config = sniffed(dir.path());
    let conf_dir = dir.path().join("conf");
    std::fs::create_dir_all(&conf_dir).expect("mkdir");
    let file = conf_dir.join("steward.toml");
    let text = write_config(&config, Some(&file)).expect("text");
    assert!(text.contains("path = \"../data/ua.csv\""), "{text}");
    let back = Config::from_toml(&text, &conf_dir).expect("parses");
    assert_eq!(back.sources.len(), 1);
    let (a, b) = (&back.sources[0], &config.sources[0]);
    assert_eq!(
        a.path.canonicalize().expect("exists"),
        b.path.canonicalize().expect("exists")
    );
    assert_eq!(
        SourceConfig {
            path: Default::default(),
            ..a.clone()
        },
        SourceConfig {
            path: Default::default(),
            ..b.clone()
        }
    );
}
