//! 词表 (vocabulary): invented phrases about an invented river basin, and the seeded PRNG
//! (伪随机数) that picks from them. Nothing here is taken from a real book.

/// SplitMix64: a tiny deterministic PRNG (伪随机数发生器); the same seed gives the same book.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// A generator started from `seed`.
    pub fn new(seed: u64) -> Self {
        Rng(seed ^ 0x9E37_79B9_7F4A_7C15)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `lo..=hi`.
    pub fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + (self.next_u64() % (hi - lo + 1) as u64) as usize
    }

    /// True with probability `pct`/100.
    pub fn chance(&mut self, pct: u64) -> bool {
        self.next_u64() % 100 < pct
    }

    /// One item of a list.
    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.range(0, items.len() - 1)]
    }
}

/// 主语 (subjects).
pub const SUBJECTS: &[&str] = &[
    "流域各县",
    "基层水利组织",
    "乡村用水协会",
    "沿河村落",
    "县级水务部门",
    "民间水约",
    "灌区管理处",
    "合作社成员",
    "上下游社区",
    "堰长和渠长",
    "地方士绅",
    "修防委员会",
    "山区移民",
    "渡口商户",
    "镇一级财政",
    "老一辈水利员",
];

/// 状语 (adverbials).
pub const ADVERBS: &[&str] = &[
    "逐步",
    "长期以来",
    "在很大程度上",
    "往往",
    "始终",
    "不断",
    "初步",
    "在实践中",
    "通过反复协商",
    "大体上",
    "在旱涝交替的年份里",
    "自清末以来",
];

/// 谓语 (verbs).
pub const VERBS: &[&str] = &[
    "形成了",
    "维系着",
    "调整了",
    "推动了",
    "改变了",
    "塑造了",
    "承担起",
    "依赖于",
    "回应了",
    "保留了",
    "重建了",
    "协调了",
    "记录了",
    "削弱了",
    "强化了",
    "重新界定了",
];

/// 宾语 (objects), also used to build titles.
pub const OBJECTS: &[&str] = &[
    "分水秩序",
    "轮灌制度",
    "岁修规约",
    "用水纠纷的调解方式",
    "渠道养护的责任",
    "公共水权的边界",
    "乡土社会的信任结构",
    "灌溉面积的统计口径",
    "跨村合作的惯例",
    "工程维护的资金来源",
    "季节性缺水的风险",
    "堤防体系的布局",
    "水碾与水磨的经营",
    "闸门启闭的时间表",
    "河道疏浚的分工",
    "水田与旱地的比例",
    "集体记忆中的洪水",
    "下游湿地的保护",
];

/// 句首连接语 (sentence openers).
pub const OPENERS: &[&str] = &[
    "由此可见，",
    "与此同时，",
    "换言之，",
    "不仅如此，",
    "在这个意义上，",
    "值得注意的是，",
    "从档案记载来看，",
    "据当地老人回忆，",
    "",
    "",
    "",
];

/// 评述 (second clauses).
pub const COMMENTS: &[&str] = &[
    "这一变化并非一蹴而就",
    "其影响一直延续到今天",
    "这在邻近流域并不多见",
    "相关记载却相当零散",
    "各方的理解并不一致",
    "其中的利益分配尤为复杂",
    "这种安排后来被写入了县志",
    "外来的技术人员也参与其中",
    "田野调查提供了新的线索",
    "争议的焦点随之转移",
];

/// 姓 (surnames) of invented people.
pub const SURNAMES: &[&str] = &[
    "林", "周", "许", "陈", "汪", "顾", "沈", "韩", "蒋", "邵", "叶", "卢",
];

/// 名 (given-name characters) of invented people.
pub const GIVEN: &[&str] = &[
    "嘉", "望", "舒", "远", "澄", "禾", "岚", "朗", "川", "晓", "砚", "宁", "秋", "拓",
];

/// 地名 (invented place names).
pub const PLACES: &[&str] = &[
    "青川",
    "东临",
    "梧州坪",
    "白沙",
    "石门",
    "南溪",
    "柳渡",
    "云岭",
];

/// 标题后缀 (title endings).
pub const TITLE_ENDINGS: &[&str] = &[
    "的历史形成",
    "的演变与调适",
    "的制度基础",
    "的地方实践",
    "面临的新问题",
    "的比较考察",
    "与国家治理",
    "的社会基础",
];

/// An invented person's name, two or three characters.
pub fn person(rng: &mut Rng) -> String {
    let mut s = String::from(rng.pick(SURNAMES));
    s.push_str(rng.pick(GIVEN));
    if rng.chance(60) {
        s.push_str(rng.pick(GIVEN));
    }
    s
}

/// One sentence of running text, ending in `。`.
pub fn sentence(rng: &mut Rng) -> String {
    let mut s = String::from(rng.pick(OPENERS));
    match rng.range(0, 4) {
        0 => {
            s.push_str(rng.pick(SUBJECTS));
            s.push_str(rng.pick(ADVERBS));
            s.push_str(rng.pick(VERBS));
            s.push_str(rng.pick(OBJECTS));
            s.push('，');
            s.push_str(rng.pick(COMMENTS));
        }
        1 => {
            s.push_str(&format!("在 {} 年前后，", rng.range(1890, 2009)));
            s.push_str(rng.pick(SUBJECTS));
            s.push_str(rng.pick(VERBS));
            s.push_str(&format!("约 {} 个村的", rng.range(3, 160)));
            s.push_str(rng.pick(OBJECTS));
        }
        2 => {
            s.push_str(rng.pick(SUBJECTS));
            s.push_str("之所以");
            s.push_str(rng.pick(VERBS));
            s.push_str(rng.pick(OBJECTS));
            s.push_str("，是因为");
            s.push_str(rng.pick(SUBJECTS));
            s.push_str(rng.pick(ADVERBS));
            s.push_str(rng.pick(VERBS));
            s.push_str(rng.pick(OBJECTS));
        }
        3 => {
            s.push_str("所谓“");
            s.push_str(rng.pick(OBJECTS));
            s.push_str("”，指的是");
            s.push_str(rng.pick(SUBJECTS));
            s.push_str("围绕");
            s.push_str(rng.pick(OBJECTS));
            s.push_str("所作的安排");
        }
        _ => {
            s.push('从');
            s.push_str(rng.pick(OBJECTS));
            s.push_str("来看，");
            s.push_str(rng.pick(SUBJECTS));
            s.push_str(rng.pick(VERBS));
            s.push_str(rng.pick(OBJECTS));
            s.push('；');
            s.push_str(rng.pick(COMMENTS));
        }
    }
    s.push('。');
    s
}

/// A section or chapter title (no final punctuation).
pub fn title(rng: &mut Rng) -> String {
    let mut t = String::from(rng.pick(OBJECTS));
    t.push_str(rng.pick(TITLE_ENDINGS));
    t
}

/// The text of a citation note (注释): an invented book or article.
pub fn citation(rng: &mut Rng) -> String {
    let who = person(rng);
    let work = title(rng);
    let place = rng.pick(PLACES);
    let year = rng.range(1956, 2010);
    match rng.range(0, 2) {
        0 => format!(
            "{who}：《{work}》，{place}人民出版社 {year} 年版，第 {} 页。",
            rng.range(1, 480)
        ),
        1 => format!(
            "参见{who}：《{work}》，载《{place}水利史研究》{year}年第{}期。",
            rng.range(1, 6)
        ),
        _ => format!(
            "《{place}县水利志》，{place}县志编纂委员会编，{year}年内部印行，第 {} 页。",
            rng.range(1, 900)
        ),
    }
}
