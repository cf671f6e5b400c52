//! 责任方式 (MARC relator codes): a [`Relator`] holds only a code from the MARC Code List for
//! Relators — the 273 codes epubcheck accepts in `opf:role` — so a `role = "zzz"` in book.toml
//! is refused when it is read, not flagged by epubcheck in the EPUB.

use std::fmt;

use serde::{Deserialize, Serialize};

/// A MARC relator code (`aut`, `edt`, `trl` …), checked against the MARC list.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Relator(String);

/// A code that is not in the MARC relator list.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("role {0:?} is not a MARC relator code such as \"aut\", \"edt\" or \"trl\"")]
pub struct RelatorError(pub String);

impl Relator {
    /// The code, if it is in the MARC relator list.
    pub fn new(code: &str) -> Result<Self, RelatorError> {
        if MARC_RELATORS.binary_search(&code).is_ok() {
            Ok(Relator(code.to_string()))
        } else {
            Err(RelatorError(code.to_string()))
        }
    }

    /// A code written in the program (`Relator::marc("edt")`); a code outside the MARC list is
    /// a programming error and panics.
    pub fn marc(code: &'static str) -> Self {
        Relator::new(code).unwrap_or_else(|e| panic!("{e}"))
    }

    /// `aut`: author.
    pub fn author() -> Self {
        Relator::marc("aut")
    }

    /// The code as a string.
    pub fn code(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for Relator {
    type Error = RelatorError;

    fn try_from(code: String) -> Result<Self, RelatorError> {
        Relator::new(&code)
    }
}

impl From<Relator> for String {
    fn from(r: Relator) -> String {
        r.0
    }
}

impl fmt::Display for Relator {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The MARC Code List for Relators as epubcheck checks it, sorted (binary-searched).
pub(super) const MARC_RELATORS: &[&str] = &[
    "abr", "acp", "act", "adi", "adp", "aft", "anl", "anm", "ann", "ant", "ape", "apl", "app",
    "aqt", "arc", "ard", "arr", "art", "asg", "asn", "ato", "att", "auc", "aud", "aui", "aus",
    "aut", "bdd", "bjd", "bkd", "bkp", "blw", "bnd", "bpd", "brd", "brl", "bsl", "cas", "ccp",
    "chr", "clb", "cli", "cll", "clr", "clt", "cmm", "cmp", "cmt", "cnd", "cng", "cns", "coe",
    "col", "com", "con", "cor", "cos", "cot", "cou", "cov", "cpc", "cpe", "cph", "cpl", "cpt",
    "cre", "crp", "crr", "crt", "csl", "csp", "cst", "ctb", "cte", "ctg", "ctr", "cts", "ctt",
    "cur", "cwt", "dbp", "dfd", "dfe", "dft", "dgc", "dgg", "dgs", "dis", "dln", "dnc", "dnr",
    "dpc", "dpt", "drm", "drt", "dsr", "dst", "dtc", "dte", "dtm", "dto", "dub", "edc", "edm",
    "edt", "egr", "elg", "elt", "eng", "enj", "etr", "evp", "exp", "fac", "fds", "fld", "flm",
    "fmd", "fmk", "fmo", "fmp", "fnd", "fpy", "frg", "gis", "grt", "his", "hnr", "hst", "ill",
    "ilu", "ins", "inv", "isb", "itr", "ive", "ivr", "jud", "jug", "lbr", "lbt", "ldr", "led",
    "lee", "lel", "len", "let", "lgd", "lie", "lil", "lit", "lsa", "lse", "lso", "ltg", "lyr",
    "mcp", "mdc", "med", "mfp", "mfr", "mod", "mon", "mrb", "mrk", "msd", "mte", "mtk", "mus",
    "nrt", "opn", "org", "orm", "osp", "oth", "own", "pad", "pan", "pat", "pbd", "pbl", "pdr",
    "pfr", "pht", "plt", "pma", "pmn", "pop", "ppm", "ppt", "pra", "prc", "prd", "pre", "prf",
    "prg", "prm", "prn", "pro", "prp", "prs", "prt", "prv", "pta", "pte", "ptf", "pth", "ptt",
    "pup", "rbr", "rcd", "rce", "rcp", "rdd", "red", "ren", "res", "rev", "rpc", "rps", "rpt",
    "rpy", "rse", "rsg", "rsp", "rsr", "rst", "rth", "rtm", "sad", "sce", "scl", "scr", "sds",
    "sec", "sgd", "sgn", "sht", "sll", "sng", "spk", "spn", "spy", "srv", "std", "stg", "stl",
    "stm", "stn", "str", "tcd", "tch", "ths", "tld", "tlp", "trc", "trl", "tyd", "tyg", "uvp",
    "vac", "vdg", "voc", "wac", "wal", "wam", "wat", "wdc", "wde", "win", "wit", "wpr", "wst",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_codes_of_the_marc_list_are_relators() {
        assert!(
            MARC_RELATORS.windows(2).all(|w| w[0] < w[1]),
            "sorted, no repeats"
        );
        assert_eq!(MARC_RELATORS.len(), 273);
        for ok in [
            "aut", "edt", "trl", "ill", "cov", "pfr", "wpr", "aui", "oth",
        ] {
            assert_eq!(Relator::new(ok).map(|r| r.to_string()), Ok(ok.to_string()));
        }
        for bad in ["zzz", "xyz", "AUT", "au", "autt", "", "编辑"] {
            let err = Relator::new(bad).unwrap_err().to_string();
            assert!(err.contains("not a MARC relator code"), "{bad}: {err}");
        }
    }

    #[test]
    fn serde_goes_through_the_check() {
        let ok: Relator = serde_json::from_str("\"edt\"").unwrap();
        assert_eq!(ok.code(), "edt");
        assert_eq!(serde_json::to_string(&ok).unwrap(), "\"edt\"");
        let bad = serde_json::from_str::<Relator>("\"zzz\"").unwrap_err();
        assert!(
            bad.to_string()
                .contains("\"zzz\" is not a MARC relator code"),
            "{bad}"
        );
    }
}
