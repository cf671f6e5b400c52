//! read_front_matter on invented front matter: full-width CIP heading, space-separated colophon
//! labels, a corrupted 书号, a 版次 that disagrees with the CIP imprint; and an English book.

use paiban::diag::Severity;
use paiban::model::{Block, DisplayRole, DivisionKind, PartialDate};
use paiban::reader::Relators;
use paiban::reader::front_matter::read_front_matter;
use paiban::reader::lines::split;

const CHINESE: &str = "
江苏省社会科学基金项目
批准号 (19ZZB0007)

Shuixiang shougongye de bianqian

水乡手工业的 变迁与传承

陈远 吴桐 著

江东出版集团
江东人民出版社

图书在版编目（CIP）数据

水乡手工业的变迁与传承/陈远, 吴桐著. —南京：
江东人民出版社, 2021. 9
ISBN 978-7-9999-0001-6

Ⅰ. 水… Ⅱ. ①陈… ②吴… Ⅲ. ①手工业—经济史—江苏 ②
乡镇—研究 Ⅳ. ①F426 ②K928

中国版本图书馆 CIP 数据核字（2021）第 123456 号

SHUIXIANG SHOUGONGYE DE BIANQIAN

责任编辑 苏 木
封面设计 郑好
责任校对 钱 一 鸣
出版发行 江东出版集团（南京某路 18 号） 江东人民出版社
网址 http://www.example.cn
电子信箱 reader@example.cn
开本 787mm×1092mm 1/16
印张 15.25
字数 230 千
版次 2021 年 10 月第 1 版
印次 2021 年 10 月第 1 次印刷
书号 ISBN 978-7-9999-0001-4
定价 48.00 元

版权所有 翻印必究
本书如有印装质量问题，请与出版社调换
";

#[test]
fn invented_chinese_front_matter() {
    let lines = split(CHINESE);
    let fm = read_front_matter(&lines, &Relators::builtin());
    let m = &fm.meta;
    assert_eq!(m.title, "水乡手工业的变迁与传承");
    let alt = m.alt_title.as_ref().expect("alt title");
    assert_eq!(
        (alt.text.as_str(), alt.language.as_str()),
        ("Shuixiang shougongye de bianqian", "zh-Latn-pinyin")
    );
    let authors: Vec<&str> = m.authors.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(authors, ["陈远", "吴桐"]);
    assert!(!m.authors_et_al);
    assert_eq!(m.author_statement.as_deref(), Some("陈远 吴桐 著"));
    assert_eq!(m.series, ["江苏省社会科学基金项目 批准号 (19ZZB0007)"]);
    assert_eq!(m.publisher.as_deref(), Some("江东人民出版社"));
    assert_eq!(m.publisher_group.as_deref(), Some("江东出版集团"));
    assert_eq!(m.publisher_address.as_deref(), Some("南京某路 18 号"));
    assert_eq!(m.place.as_deref(), Some("南京"));
    assert_eq!(
        m.date,
        Some(PartialDate {
            year: 2021,
            month: Some(9),
            day: None
        })
    );
    assert_eq!(
        m.isbn.as_ref().map(|i| i.digits.as_str()),
        Some("9787999900016")
    );
    assert_eq!(m.trim, None, "开本 is the sheet size, not the trim");
    assert_eq!(m.print.sheets.as_deref(), Some("15.25"));
    assert_eq!(m.websites, ["http://www.example.cn"]);
    assert_eq!(m.emails, ["reader@example.cn"]);
    assert_eq!(m.rights.as_deref(), Some("版权所有 翻印必究"));
    let people: Vec<(&str, &str)> = m
        .contributors
        .iter()
        .map(|c| (c.name.as_str(), c.role.code()))
        .collect();
    assert_eq!(
        people,
        [("苏木", "edt"), ("郑好", "cov"), ("钱一鸣", "pfr")]
    );

    let cip = m.cip.as_ref().expect("cip");
    assert_eq!(cip.heading, "图书在版编目（CIP）数据");
    assert_eq!(cip.imprint, "南京：江东人民出版社, 2021. 9");
    assert_eq!(cip.subjects, ["手工业—经济史—江苏", "乡镇—研究"]);
    assert_eq!(cip.classification.as_deref(), Some("F426"));
    assert_eq!(cip.cip_number.as_deref(), Some("2021-123456"));

    let diags: Vec<(usize, Severity, &str)> = fm
        .diagnostics
        .iter()
        .map(|d| (d.span.line, d.severity, d.message.as_str()))
        .collect();
    assert_eq!(diags.len(), 2, "{diags:#?}");
    assert_eq!((diags[0].0, diags[0].1), (36, Severity::Warning));
    assert!(
        diags[0].2.contains("2021-10") && diags[0].2.contains("2021-09"),
        "{}",
        diags[0].2
    );
    assert_eq!((diags[1].0, diags[1].1), (38, Severity::Error));
    assert!(
        diags[1].2.contains("check digit 4") && diags[1].2.contains("give 6"),
        "{}",
        diags[1].2
    );

    assert_eq!(fm.divisions.len(), 2);
    let copyright = &fm.divisions[1];
    assert_eq!(
        (copyright.kind, copyright.line),
        (DivisionKind::CopyrightPage, 14)
    );
    let shown: Vec<DisplayRole> = copyright
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Display(d) => Some(d.role),
            _ => None,
        })
        .collect();
    assert_eq!(shown, [DisplayRole::AltTitle]);
    let colophon = copyright.blocks.iter().find_map(|b| match b {
        Block::Colophon(e) => Some(e.len()),
        _ => None,
    });
    assert_eq!(colophon, Some(13));
    let notices = copyright
        .blocks
        .iter()
        .filter(|b| matches!(b, Block::Notice(_)))
        .count();
    assert_eq!(notices, 2);
}

const ENGLISH: &str = "A Field Guide to River Towns

Example Press

Editor\tOle Dahl
Cover design\tKim Lee
ISBN 0-8044-2957-X
© 2020 Example Press
";

#[test]
fn invented_english_front_matter_without_cip() {
    let lines = split(ENGLISH);
    let fm = read_front_matter(&lines, &Relators::builtin());
    let m = &fm.meta;
    assert_eq!(m.title, "A Field Guide to River Towns");
    assert_eq!(m.language, "en");
    assert_eq!(m.alt_title, None);
    assert_eq!(m.publisher.as_deref(), Some("Example Press"));
    let people: Vec<(&str, &str)> = m
        .contributors
        .iter()
        .map(|c| (c.name.as_str(), c.role.code()))
        .collect();
    assert_eq!(people, [("Ole Dahl", "edt"), ("Kim Lee", "cov")]);
    assert_eq!(
        m.isbn.as_ref().map(|i| i.digits.as_str()),
        Some("9780804429573")
    );
    assert_eq!(m.rights.as_deref(), Some("© 2020 Example Press"));
    assert!(m.cip.is_none());
    let kinds: Vec<DivisionKind> = fm.divisions.iter().map(|d| d.kind).collect();
    assert_eq!(
        kinds,
        [DivisionKind::TitlePage, DivisionKind::CopyrightPage]
    );
    assert!(fm.diagnostics.is_empty(), "{:?}", fm.diagnostics);
}

/// A title page, then a copyright page of notices only: a notice the page wrapped (its first
/// line fills the measure and ends mid-sentence) is one paragraph; short unpunctuated notices
/// one under another stay apart.
const WRAPPED_NOTICE: &str = "河流的故事

林青 著
\u{c}版权 © 2020-2024 林青


    《河流的故事》（第 3 版）(2024-05-01 08:00 UTC) 写给所有在河边长大的人，记下两岸村镇、渡口与桥梁的变迁。全书
    分为十二章，每章附有地图。
本书如有印装质量问题，请与本社联系调换
电话：(0000)1234567
";

#[test]
fn a_notice_wrapped_by_the_page_is_one_paragraph() {
    let lines = split(WRAPPED_NOTICE);
    let fm = read_front_matter(&lines, &Relators::builtin());
    let copyright = fm
        .divisions
        .iter()
        .find(|d| d.kind == DivisionKind::CopyrightPage)
        .expect("a copyright page");
    let notices: Vec<(usize, String)> = copyright
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Notice(p) => Some((p.line, p.text())),
            _ => None,
        })
        .collect();
    assert_eq!(
        notices,
        [
            (4, "版权 © 2020-2024 林青".to_string()),
            (
                7,
                "《河流的故事》（第 3 版）(2024-05-01 08:00 UTC) 写给所有在河边长大的人，记下两岸村镇、渡口与桥梁的变迁。全书分为十二章，每章附有地图。".to_string()
            ),
            (9, "本书如有印装质量问题，请与本社联系调换".to_string()),
            (10, "电话：(0000)1234567".to_string()),
        ]
    );
}
