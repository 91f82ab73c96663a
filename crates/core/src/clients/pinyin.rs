//! Pinyin of names, so an officer can type `changsha` or `cszx` for 长沙…纸箱.
//!
//! Readings come from the `pinyin` crate (mozillazg's pinyin-data, the data behind pypinyin),
//! which gives each character its most common reading. That reading is wrong for a few
//! characters that company and place names use in their other reading (长沙 is chang, not
//! zhang; 重庆 chong; 银行 hang; 厦门 xia). Two small tables fix what names need:
//! words read as a whole (longest match first), and surnames (a contact's first character).
//! Anything else keeps the common reading: the index also holds the characters themselves, so
//! a query in Chinese never depends on the reading.
use pinyin::ToPinyin;

/// Words whose characters are not read as they usually are. Longest match wins.
const WORDS: &[(&str, &[&str])] = &[
    // 长 cháng (long) rather than zhǎng (to grow, head of).
    ("长沙", &["chang", "sha"]),
    ("长春", &["chang", "chun"]),
    ("长江", &["chang", "jiang"]),
    ("长城", &["chang", "cheng"]),
    ("长安", &["chang", "an"]),
    ("长治", &["chang", "zhi"]),
    ("长兴", &["chang", "xing"]),
    ("长宁", &["chang", "ning"]),
    ("长青", &["chang", "qing"]),
    ("长虹", &["chang", "hong"]),
    ("长丰", &["chang", "feng"]),
    ("长寿", &["chang", "shou"]),
    ("长乐", &["chang", "le"]),
    ("长泰", &["chang", "tai"]),
    ("长隆", &["chang", "long"]),
    ("长荣", &["chang", "rong"]),
    ("长远", &["chang", "yuan"]),
    ("长征", &["chang", "zheng"]),
    ("长期", &["chang", "qi"]),
    ("长航", &["chang", "hang"]),
    ("长白山", &["chang", "bai", "shan"]),
    ("延长", &["yan", "chang"]),
    ("董事长", &["dong", "shi", "zhang"]),
    ("行长", &["hang", "zhang"]),
    // 重 chóng (again, double) rather than zhòng (heavy).
    ("重庆", &["chong", "qing"]),
    ("重阳", &["chong", "yang"]),
    ("重组", &["chong", "zu"]),
    ("重建", &["chong", "jian"]),
    // 行 háng (firm, trade) rather than xíng (to go).
    ("银行", &["yin", "hang"]),
    ("分行", &["fen", "hang"]),
    ("支行", &["zhi", "hang"]),
    ("总行", &["zong", "hang"]),
    ("商行", &["shang", "hang"]),
    ("车行", &["che", "hang"]),
    ("琴行", &["qin", "hang"]),
    ("投行", &["tou", "hang"]),
    ("同行", &["tong", "hang"]),
    ("行业", &["hang", "ye"]),
    ("车行道", &["che", "xing", "dao"]),
    // Place names.
    ("厦门", &["xia", "men"]),
    ("佛山", &["fo", "shan"]),
    ("大厦", &["da", "sha"]),
    ("蚌埠", &["beng", "bu"]),
    ("六安", &["lu", "an"]),
    ("乐清", &["yue", "qing"]),
    ("番禺", &["pan", "yu"]),
    ("东莞", &["dong", "guan"]),
    ("朝阳", &["chao", "yang"]),
    ("西藏", &["xi", "zang"]),
    ("台州", &["tai", "zhou"]),
    ("天台", &["tian", "tai"]),
    ("单县", &["shan", "xian"]),
    ("铅山", &["yan", "shan"]),
    ("尉氏", &["wei", "shi"]),
    ("茌平", &["chi", "ping"]),
    ("荥阳", &["xing", "yang"]),
    // Words company names use.
    ("会计", &["kuai", "ji"]),
    ("供应", &["gong", "ying"]),
    ("供应链", &["gong", "ying", "lian"]),
    ("调度", &["diao", "du"]),
    ("传记", &["zhuan", "ji"]),
    ("音乐", &["yin", "yue"]),
    ("快乐", &["kuai", "le"]),
    ("娱乐", &["yu", "le"]),
    ("重量", &["zhong", "liang"]),
    ("都市", &["du", "shi"]),
    ("首都", &["shou", "du"]),
    ("成都", &["cheng", "du"]),
    ("角色", &["jue", "se"]),
];

/// Surnames read differently from the character's common reading (a contact's first character).
const SURNAMES: &[(char, &str)] = &[
    ('曾', "zeng"),
    ('单', "shan"),
    ('解', "xie"),
    ('仇', "qiu"),
    ('朴', "piao"),
    ('查', "zha"),
    ('区', "ou"),
    ('盖', "ge"),
    ('乐', "yue"),
    ('缪', "miao"),
    ('覃', "qin"),
    ('翟', "zhai"),
    ('尉', "yu"),
    ('种', "chong"),
    ('繁', "po"),
    ('燕', "yan"),
    ('华', "hua"),
    ('任', "ren"),
    ('沈', "shen"),
    ('贾', "jia"),
    ('纪', "ji"),
    ('员', "yun"),
    ('长', "chang"),
    ('重', "chong"),
    ('万', "wan"),
    ('柏', "bai"),
    ('秘', "bi"),
    ('召', "shao"),
    ('祭', "zhai"),
    ('折', "she"),
];

/// A name's pinyin: every syllable in full, and the syllables' first letters. Letters and
/// digits outside Chinese stay as they are (lower-cased): `ABC科技` → `abckeji`, `abckj`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Reading {
    pub full: String,
    pub initials: String,
    /// At least one Chinese character was read: a Latin-only name has no pinyin to add.
    pub any_han: bool,
}

fn word_at(chars: &[char]) -> Option<(usize, &'static [&'static str])> {
    let mut best: Option<(usize, &'static [&'static str])> = None;
    for (word, syllables) in WORDS {
        let n = word.chars().count();
        if n <= chars.len()
            && word.chars().zip(chars).all(|(a, b)| a == *b)
            && best.is_none_or(|(m, _)| n > m)
        {
            best = Some((n, syllables));
        }
    }
    best
}

fn push(out: &mut Reading, syllable: &str) {
    out.full.push_str(syllable);
    out.initials.extend(syllable.chars().next());
}

fn read(text: &str, person: bool) -> Reading {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Reading::default();
    let mut i = 0;
    while i < chars.len() {
        if person && i == 0 {
            if let Some((_, s)) = SURNAMES.iter().find(|(c, _)| *c == chars[0]) {
                push(&mut out, s);
                out.any_han = true;
                i = 1;
                continue;
            }
        }
        if let Some((n, syllables)) = word_at(&chars[i..]) {
            for s in syllables {
                push(&mut out, s);
            }
            out.any_han = true;
            i += n;
            continue;
        }
        let c = chars[i];
        if let Some(p) = c.to_pinyin() {
            push(&mut out, p.plain());
            out.any_han = true;
        } else if c.is_ascii_alphanumeric() {
            let lower = c.to_ascii_lowercase();
            out.full.push(lower);
            out.initials.push(lower);
        }
        i += 1;
    }
    out
}

/// A company's (or any) name.
pub fn of_name(text: &str) -> Reading {
    read(text, false)
}

/// A person's name: the first character is read as a surname.
pub fn of_person(text: &str) -> Reading {
    read(text, true)
}

/// The key the client list sorts names by: pinyin order, as a Chinese officer expects, with the
/// name itself breaking ties between homophones.
pub fn sort_key(name: &str) -> String {
    format!("{}\u{1}{}", of_name(name).full, name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_read_with_their_place_name_readings() {
        let r = of_name("长沙恒远纺织有限公司");
        assert_eq!(r.full, "changshahengyuanfangzhiyouxiangongsi");
        assert_eq!(r.initials, "cshyfzyxgs");
        assert_eq!(of_name("重庆重工").full, "chongqingzhonggong");
        assert_eq!(of_name("中国银行长沙分行").initials, "zgyhcsfh");
        assert_eq!(of_name("厦门").full, "xiamen");
        assert_eq!(of_name("ABC科技").full, "abckeji");
        assert_eq!(of_name("ABC科技").initials, "abckj");
        assert!(!of_name("Hengyuan Ltd").any_han);
    }

    #[test]
    fn a_persons_first_character_is_a_surname() {
        assert_eq!(of_person("曾伟").full, "zengwei");
        assert_eq!(of_person("单丽").initials, "sl");
        assert_eq!(of_person("张伟").full, "zhangwei");
        // As a company name 曾 keeps its common reading.
        assert_eq!(of_name("曾").full, "ceng");
    }

    #[test]
    fn sorting_follows_pinyin() {
        let mut names = vec!["张三", "安泰", "长沙", "北京"];
        names.sort_by_key(|n| sort_key(n));
        assert_eq!(names, vec!["安泰", "北京", "长沙", "张三"]);
    }
}
