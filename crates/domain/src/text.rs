//! Text typed into a draft, made safe to show and to print: characters that
//! change how the rest of a line is shown (bidirectional overrides, such as
//! U+202E, which reverses what follows it), invisible controls (NUL and the
//! other C0/C1 codes) and invisible format characters (zero-width space,
//! soft hyphen, word joiner: they can hide an identity number from a check
//! and from the reader) are removed on the way in, so the screen and the
//! referat show exactly what can be read. Line and paragraph separators
//! become plain line breaks.

use std::borrow::Cow;

/// `text` without misleading characters; borrowed when nothing changes, so a
/// long note costs one scan per keystroke and no copy.
pub fn neutralise(text: &str) -> Cow<'_, str> {
    if !text.chars().any(|c| removed(c) || line_break(c)) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .filter(|c| !removed(*c))
            .map(|c| if line_break(c) { '\n' } else { c })
            .collect(),
    )
}

fn removed(c: char) -> bool {
    match c {
        '\t' | '\n' => false,
        // C0, DEL and C1 controls (a lone carriage return included: the
        // browser gives line breaks as \n).
        c if c.is_control() => true,
        // Bidirectional marks, embeddings, overrides and isolates.
        '\u{061C}'
        | '\u{200E}'
        | '\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2066}'..='\u{2069}' => true,
        // Invisible format characters.
        '\u{00AD}'
        | '\u{180E}'
        | '\u{200B}'..='\u{200D}'
        | '\u{2060}'..='\u{2064}'
        | '\u{FEFF}' => true,
        _ => false,
    }
}

fn line_break(c: char) -> bool {
    matches!(c, '\u{2028}' | '\u{2029}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinary_text_is_borrowed_unchanged() {
        let text = "Møtt ruset kl. 10.\n\tMor ringt. 😀 ÆØÅ";
        assert!(matches!(neutralise(text), Cow::Borrowed(t) if t == text));
    }

    #[test]
    fn bidi_controls_and_nul_are_removed() {
        assert_eq!(neutralise("AB\u{202E}kl. 10"), "ABkl. 10");
        assert_eq!(neutralise("a\u{0}b\u{7}c\u{7f}d\u{85}e"), "abcde");
        assert_eq!(neutralise("\u{2066}x\u{2069}\u{200F}\u{061C}\u{202A}"), "x");
        assert_eq!(neutralise("linje\u{2028}ny\r\n"), "linje\nny\n");
        assert_eq!(
            neutralise("0102031\u{200B}2560\u{AD}\u{2060}\u{FEFF}"),
            "01020312560"
        );
    }
}
