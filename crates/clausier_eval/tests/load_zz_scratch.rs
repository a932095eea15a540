#![allow(clippy::unwrap_used)]
mod load_support;
use clausier_eval::load::Format;
use load_support::{load, render};

#[test]
fn scratch() {
    let cases: &[&str] = &[
        "{\n  \"id\": \"v\",\n  \"hosting\": { \"region\": \"EU\" \"country\": \"FR\" }\n}\n",
        "[1 2]",
        "{\"a\": 1 2}",
        "{\n  \"id\": \"x\"\n",
        "{\n  \"id\": [1, 2\n",
        "{\"a\" 1}",
        "{\"a\": }",
        "{\"a\": ",
        "{\"a\"",
        "{\"a\": 1,, }",
        "{\"a\": @}",
        "{\"a\": tru}",
        "{\"a\": 01}",
        "{\"a\": -}",
        "{\"a\": 1.}",
        "{\"a\": \"x\\q\"}",
        "{: 1}",
        "{\"a\": ]}",
        "{\"a\": 1]",
        "{1: 2}",
        "{\"a\": 1} x",
        "{\"a\": /* c */ 1}",
        "{\"a\": \"é\" \"b\": 1}",
        "   ",
        "}",
        "{\"a\": NaN}",
        "{\"a\": +1}",
        "{\"a\": 0x1}",
        "{\"a\": .5}",
        "{\"a\": \"x\ny\"}",
    ];
    let mut out = String::new();
    for text in cases {
        out.push_str(&format!("-- {text:?}\n{}", render(&load("v.json", text, Format::Json))));
    }
    for text in ["id = 1\n[hosting]\nregion = \"EU\"\ncountry = \"FR\"\nregion = \"OTHER\"\n",
                 "hosting.region = \"EU\"\nhosting.region = \"X\"\n",
                 "hosting = { region = \"EU\", region = \"X\" }\n",
                 "[[subprocessors]]\nname = \"a\"\n[[subprocessors]]\nname = \"b\"\nname = \"c\"\n",
                 "[hosting]\nregion = \"EU\"\n[hosting]\nregion = \"X\"\n",
                 "[a.b]\nc = 1\n[a]\nb.d = 2\n",
                 "a.b = 1\n[a]\nc = 2\n",
                 "\"a b\" = 1\n'a b' = 2\n",
                 "subprocessors = [{ name = \"a\", name = \"b\" }]\n",
                 "a = 1\n[[a]]\nx = 1\nx = 2\n",
                 "hosting = 1\nhosting.region = 2\n",
    ] {
        out.push_str(&format!("-- {text:?}\n{}", render(&load("v.toml", text, Format::Toml))));
    }
    for text in ["id,hosting.region,hosting.country\ncsv-court,EU\n",
                 "id,hosting.region,hosting.country\ncsv-guillemet,\"EU,FR\n",
                 "id,hosting.region,hosting.country\na,\"EU\"x,FR\n",
                 "id,hosting.region,hosting.country\na,EU,FR,x\n",
                 "id,hosting.region,hosting.country\na,\"E\"U\",FR\nb,EU,FR\n",
                 "id,hosting.region,hosting.country\na,\"EU\nb,EU,FR\n",
    ] {
        out.push_str(&format!("-- {text:?}\n{}", render(&load("v.csv", text, Format::Csv))));
    }
    println!("{out}");
}
