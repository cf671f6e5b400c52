//! Table tests for the colophon recognisers.

use super::*;

#[test]
fn entries_are_split() {
    let r = Relators::builtin();
    let cases = [
        ("责任编辑\t林 晓", Some(("责任编辑", "林 晓"))),
        (
            "网 址\thttp://www.example.cn",
            Some(("网址", "http://www.example.cn")),
        ),
        ("印 张 21.5", Some(("印张", "21.5"))),
        ("封面设计 苏木青", Some(("封面设计", "苏木青"))),
        (
            "读者服务电话：(029)5550101",
            Some(("读者服务电话", "(029)5550101")),
        ),
        ("定价：45.00元", Some(("定价", "45.00元"))),
        ("發 行 人　林明德", Some(("發行人", "林明德"))),
        ("出 版 者　青山出版社", Some(("出版者", "青山出版社"))),
        (
            "I S B N　978-986-578-001-2",
            Some(("ISBN", "978-986-578-001-2")),
        ),
        ("定　　價　新臺幣 380 元", Some(("定價", "新臺幣 380 元"))),
        ("本书如有印装质量问题，请与本社调换", None),
        ("江南古镇的手工业变迁", None),
    ];
    for (line, want) in cases {
        let got = parse_entry(line, &r);
        assert_eq!(
            got.as_ref().map(|(l, v)| (l.as_str(), v.as_str())),
            want,
            "{line}"
        );
    }
}

#[test]
fn trim_sizes() {
    let t = |w, h| {
        Some(TrimSize {
            width_mm: w,
            height_mm: h,
        })
    };
    let cases = [
        ("170mm×240mm", t(170.0, 240.0)),
        ("170 × 240 mm", t(170.0, 240.0)),
        ("17cm x 24cm", t(170.0, 240.0)),
        ("148*210", t(148.0, 210.0)),
        ("145毫米×210毫米", t(145.0, 210.0)),
        ("16 开", None),
        ("1/16", None),
    ];
    for (v, want) in cases {
        assert_eq!(parse_trim(v), want, "{v}");
    }
}

#[test]
fn typed_data_from_entries() {
    let r = Relators::builtin();
    let rows = [
        ("责任编辑", "林 晓"),
        ("责任印制", "周 一 鸣 钱多多"),
        ("出版发行", "浙东出版集团(杭州某路 8 号) 星河出版社"),
        ("网址", "http://www.example.cn https://shop.example.cn"),
        ("E-mail", "press@example.cn"),
        ("开本", "787mm×1092mm 1/16"),
        ("成品尺寸", "170mm×240mm"),
        ("印张", "21.5"),
        ("版次", "2019 年 3 月第 1 版"),
        ("书号", "ISBN 978-7-5321-4471-6"),
        ("定价", "45.00 元"),
    ];
    let entries: Vec<ColophonEntry> = rows
        .iter()
        .enumerate()
        .map(|(i, (l, v))| ColophonEntry {
            label: l.to_string(),
            value: v.to_string(),
            line: i + 1,
        })
        .collect();
    let d = colophon_data(&entries, &r);
    let people: Vec<(&str, &str)> = d
        .contributors
        .iter()
        .map(|c| (c.name.as_str(), c.role.code()))
        .collect();
    assert_eq!(
        people,
        [("林晓", "edt"), ("周一鸣", "bkp"), ("钱多多", "bkp")]
    );
    assert_eq!(d.publisher.as_deref(), Some("星河出版社"));
    assert_eq!(d.group.as_deref(), Some("浙东出版集团"));
    assert_eq!(d.address.as_deref(), Some("杭州某路 8 号"));
    assert_eq!(
        d.websites,
        ["http://www.example.cn", "https://shop.example.cn"]
    );
    assert_eq!(d.emails, ["press@example.cn"]);
    assert_eq!(
        d.trim,
        Some(TrimSize {
            width_mm: 170.0,
            height_mm: 240.0
        })
    );
    assert_eq!(d.print.sheets.as_deref(), Some("21.5"));
    assert_eq!(d.print.price.as_deref(), Some("45.00 元"));
    assert_eq!(d.isbn, Some(("ISBN 978-7-5321-4471-6".to_string(), 10)));
    assert_eq!(d.edition.map(|(_, l)| l), Some(9));
}

#[test]
fn embedded_entries_are_split_off() {
    let r = Relators::builtin();
    type Case = (
        &'static str,
        &'static str,
        &'static [(&'static str, &'static str)],
    );
    let cases: &[Case] = &[
        (
            "网址",
            "http://www.example.cn E-mail: press@example.cn",
            &[
                ("网址", "http://www.example.cn"),
                ("E-mail", "press@example.cn"),
            ],
        ),
        (
            "印张",
            "21.5  字数 330 千",
            &[("印张", "21.5"), ("字数", "330 千")],
        ),
        (
            "开本",
            "787mm×1092mm 1/16 印 张 21.5 插页 2",
            &[
                ("开本", "787mm×1092mm 1/16"),
                ("印张", "21.5"),
                ("插页", "2"),
            ],
        ),
        (
            "责任印制",
            "周 一 鸣 钱多多",
            &[("责任印制", "周 一 鸣 钱多多")],
        ),
        (
            "出版发行",
            "浙东出版集团(杭州某路 8 号) 星河出版社",
            &[("出版发行", "浙东出版集团(杭州某路 8 号) 星河出版社")],
        ),
        (
            "版次",
            "2019 年 3 月第 1 版",
            &[("版次", "2019 年 3 月第 1 版")],
        ),
        ("E-mail", "a@b.cn", &[("E-mail", "a@b.cn")]),
    ];
    for (label, value, want) in cases {
        let got = split_embedded(label, value, 7, &r);
        let got: Vec<(&str, &str)> = got
            .iter()
            .map(|e| (e.label.as_str(), e.value.as_str()))
            .collect();
        assert_eq!(got, *want, "{label} {value}");
    }
}

#[test]
fn rights_lines() {
    let cases = [
        ("■ 版权所有·侵权必究", true),
        ("© 2019 星河出版社", true),
        ("版權所有・翻印必究", true),
        ("本书如有印装质量问题，请与本社调换", false),
    ];
    for (t, want) in cases {
        assert_eq!(is_rights_line(t), want, "{t}");
    }
    assert_eq!(strip_ornament("■ 版权所有·侵权必究"), "版权所有·侵权必究");
}
