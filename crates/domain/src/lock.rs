//! The lock on the drafts, in the parts that need no browser: the PIN
//! rule, the wait after wrong PINs, when the lock comes on by itself, and
//! how the key ring and a sealed entry are written to storage. The
//! cryptography itself is the browser's (WebCrypto, `src/seal.rs`); the key
//! hierarchy is described in ARCHITECTURE.md.
//!
//! Byte strings (keys, salts, ciphertext) are held here as the base64 text
//! the shell made of them: this module never looks inside them.

use crate::case::Millis;
use crate::json::{self, Value};

/// PBKDF2-HMAC-SHA256 iterations for a new PIN: OWASP's current guidance
/// for that function. Kept in the key ring, so a later version can raise it
/// for new PINs and still open old ones.
pub const PBKDF2_ITERATIONS: u32 = 600_000;

/// The lock comes on after this many minutes without use, unless changed.
pub const DEFAULT_IDLE_MINUTES: u32 = 5;

/// What the settings offer: up to twelve times the default, so no one
/// who needs longer is locked out of their work (WCAG 2.2.1).
pub const IDLE_CHOICES: [u32; 7] = [1, 2, 5, 10, 15, 30, 60];

/// The shortest PIN or passphrase accepted.
pub const MIN_PIN_LENGTH: usize = 6;

const SHORT: &str = "Bruk minst 6 tegn.";
const _: () = assert!(MIN_PIN_LENGTH == 6, "SHORT names the length");

/// Why a new PIN is refused, if it is, in words for the user.
pub fn pin_problem(pin: &str) -> Option<&'static str> {
    let chars: Vec<char> = pin.chars().collect();
    if chars.len() < MIN_PIN_LENGTH {
        return Some(SHORT);
    }
    if chars.iter().all(|c| *c == chars[0]) {
        return Some("Bruk ikke det samme tegnet hele veien: det er lett å gjette.");
    }
    let digits: Option<Vec<i32>> = chars
        .iter()
        .map(|c| c.to_digit(10).map(|d| d as i32))
        .collect();
    if let Some(digits) = digits {
        let steps: Vec<i32> = digits.windows(2).map(|w| w[1] - w[0]).collect();
        if steps.iter().all(|s| *s == 1) || steps.iter().all(|s| *s == -1) {
            return Some("Bruk ikke en rekke som 123456: den er lett å gjette.");
        }
    }
    None
}

/// How long to wait before the next try, after `failures` wrong PINs in a
/// row: nothing for the first two (a slip), then longer each time, up to a
/// quarter of an hour. Says nothing of how close a guess was.
pub fn unlock_wait_ms(failures: u32) -> Millis {
    const SECONDS: [i64; 6] = [0, 0, 0, 5, 15, 30];
    let seconds = match SECONDS.get(failures as usize) {
        Some(s) => *s,
        None => (60_i64 << (failures - 6).min(4)).min(900),
    };
    seconds * 1000
}

/// Should the lock come on, after no use since `last_use`?
pub fn idle_lock_due(last_use: Millis, now: Millis, idle_minutes: u32) -> bool {
    now - last_use >= i64::from(idle_minutes) * 60_000
}

/// Wrong PINs in a row, and when the last came: kept on the device so a
/// reload does not reset the wait.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Failures {
    pub count: u32,
    pub last_at: Millis,
}

impl Failures {
    /// When the next try is allowed.
    pub fn next_try_at(&self) -> Millis {
        self.last_at + unlock_wait_ms(self.count)
    }

    pub fn encode(&self) -> String {
        Value::Object(vec![
            ("count".into(), Value::integer(self.count)),
            ("last_at".into(), Value::integer(self.last_at)),
        ])
        .to_text()
    }

    /// Unreadable counts as the worst it could be, so damaging the entry
    /// does not buy more tries. (Removing it does: the wait slows someone
    /// guessing at the screen; against a copy of the storage, guessed
    /// offline, only the PIN's length and the KDF count. ARCHITECTURE.md.)
    pub fn decode(text: &str) -> Failures {
        let value = json::parse(text).ok();
        let read = |key| value.as_ref()?.get(key)?.as_i64();
        match (read("count"), read("last_at")) {
            (Some(count), Some(last_at)) => Failures {
                count: u32::try_from(count).unwrap_or(u32::MAX),
                last_at,
            },
            _ => Failures {
                count: 10,
                last_at: 0,
            },
        }
    }
}

/// The device's key ring: the public half of the device key in the clear
/// (anything can be sealed to it without the PIN), the private half
/// wrapped (AES-GCM) under a key derived from the PIN, and, if a passkey
/// was added, wrapped a second time under a key only that passkey gives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keyring {
    pub iterations: u32,
    pub salt: String,
    /// The device key's public half: P-256, raw.
    pub public_key: String,
    /// The private half, PKCS #8, AES-GCM under the PIN key.
    pub wrapped_key: String,
    pub iv: String,
    pub passkey: Option<PasskeyWrap>,
}

/// The private half of the device key wrapped under a passkey: the
/// passkey's PRF (WebAuthn's `prf` extension) evaluated on `prf_salt`,
/// through HKDF-SHA256, is the AES-GCM key. The PRF's secret stays with the
/// passkey (which a password manager may sync to the user's other devices),
/// and its output is never stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PasskeyWrap {
    /// The WebAuthn credential's id, to ask the authenticator for it alone.
    pub credential_id: String,
    pub prf_salt: String,
    pub wrapped_key: String,
    pub iv: String,
}

impl PasskeyWrap {
    fn to_value(&self) -> Value {
        Value::Object(vec![
            ("credential_id".into(), self.credential_id.as_str().into()),
            ("prf_salt".into(), self.prf_salt.as_str().into()),
            ("wrapped_key".into(), self.wrapped_key.as_str().into()),
            ("iv".into(), self.iv.as_str().into()),
        ])
    }

    fn from_value(value: &Value) -> Option<PasskeyWrap> {
        let text = |key| value.get(key)?.as_str().map(str::to_owned);
        Some(PasskeyWrap {
            credential_id: text("credential_id")?,
            prf_salt: text("prf_salt")?,
            wrapped_key: text("wrapped_key")?,
            iv: text("iv")?,
        })
    }
}

/// Where the key ring is kept.
pub const KEYRING_KEY: &str = "rusplan.keyring";

impl Keyring {
    pub fn encode(&self) -> String {
        let mut members = vec![
            ("keyring".into(), Value::integer(1)),
            ("kdf".into(), "PBKDF2-SHA256".into()),
            ("iterations".into(), Value::integer(self.iterations)),
            ("salt".into(), self.salt.as_str().into()),
            ("public_key".into(), self.public_key.as_str().into()),
            ("wrapped_key".into(), self.wrapped_key.as_str().into()),
            ("iv".into(), self.iv.as_str().into()),
        ];
        if let Some(passkey) = &self.passkey {
            members.push(("passkey".into(), passkey.to_value()));
        }
        Value::Object(members).to_text()
    }

    /// The key ring without its passkey: the PIN alone opens it.
    pub fn without_passkey(&self) -> Keyring {
        Keyring {
            passkey: None,
            ..self.clone()
        }
    }

    pub fn decode(text: &str) -> Option<Keyring> {
        let value = json::parse(text).ok()?;
        let text = |key| value.get(key)?.as_str().map(str::to_owned);
        if value.get("keyring")?.as_u64()? != 1 || text("kdf")? != "PBKDF2-SHA256" {
            return None;
        }
        Some(Keyring {
            iterations: u32::try_from(value.get("iterations")?.as_u64()?).ok()?,
            salt: text("salt")?,
            public_key: text("public_key")?,
            wrapped_key: text("wrapped_key")?,
            iv: text("iv")?,
            // A passkey entry that cannot be read is left out: the PIN
            // still opens the drafts, and adding the passkey again mends it.
            passkey: value.get("passkey").and_then(PasskeyWrap::from_value),
        })
    }
}

/// A stored entry sealed to the device key: an ephemeral P-256 public key
/// (ECDH with the device key, then HKDF-SHA256, gives the AES-GCM key), the
/// nonce and the ciphertext. The storage key is the additional data, so an
/// entry moved to another key does not open.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sealed {
    pub ephemeral_key: String,
    pub iv: String,
    pub ciphertext: String,
}

impl Sealed {
    pub fn encode(&self) -> String {
        Value::Object(vec![
            ("sealed".into(), Value::integer(1)),
            ("epk".into(), self.ephemeral_key.as_str().into()),
            ("iv".into(), self.iv.as_str().into()),
            ("ct".into(), self.ciphertext.as_str().into()),
        ])
        .to_text()
    }

    /// `None`: not a sealed entry (a plain-text draft, or damaged).
    pub fn decode(text: &str) -> Option<Sealed> {
        let value = json::parse(text).ok()?;
        let text = |key| value.get(key)?.as_str().map(str::to_owned);
        (value.get("sealed")?.as_u64()? == 1).then_some(())?;
        Some(Sealed {
            ephemeral_key: text("epk")?,
            iv: text("iv")?,
            ciphertext: text("ct")?,
        })
    }
}

/// Is this stored text sealed (or meant to be: it says so, even if it is
/// damaged)? A plain-text draft never starts this way.
pub fn is_sealed(text: &str) -> bool {
    text.trim_start().starts_with("{\"sealed\"")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn easy_pins_are_refused_with_a_reason() {
        assert!(pin_problem("12345").is_some());
        assert!(pin_problem("111111").is_some());
        assert!(pin_problem("123456").is_some());
        assert!(pin_problem("987654").is_some());
        assert_eq!(pin_problem("471902"), None);
        assert_eq!(pin_problem("lang nok frase"), None);
    }

    #[test]
    fn the_wait_grows_with_each_wrong_pin_and_stops_growing() {
        let waits: Vec<i64> = (0..14).map(unlock_wait_ms).collect();
        assert_eq!(&waits[..3], &[0, 0, 0]);
        assert!(waits.windows(2).all(|w| w[1] >= w[0]));
        assert!(waits[3] > 0);
        assert_eq!(waits[13], 900_000);
        assert_eq!(unlock_wait_ms(u32::MAX), 900_000);
    }

    #[test]
    fn a_damaged_failure_count_buys_no_extra_tries() {
        let f = Failures {
            count: 4,
            last_at: 1000,
        };
        assert_eq!(Failures::decode(&f.encode()), f);
        assert!(Failures::decode("tull").next_try_at() > 0);
    }

    #[test]
    fn key_ring_and_sealed_entry_read_back_and_are_told_apart_from_drafts() {
        let ring = Keyring {
            iterations: PBKDF2_ITERATIONS,
            salt: "c2FsdA==".into(),
            public_key: "cHVi".into(),
            wrapped_key: "d3JhcA==".into(),
            iv: "aXY=".into(),
            passkey: None,
        };
        assert_eq!(Keyring::decode(&ring.encode()), Some(ring.clone()));
        let sealed = Sealed {
            ephemeral_key: "ZXBr".into(),
            iv: "aXY=".into(),
            ciphertext: "Y3Q=".into(),
        };
        let text = sealed.encode();
        assert!(is_sealed(&text));
        assert_eq!(Sealed::decode(&text), Some(sealed));
        assert!(!is_sealed(r#"{"schema":2,"case":{}}"#));
        assert_eq!(Sealed::decode(r#"{"sealed":1,"epk":"x"}"#), None);
    }

    #[test]
    fn a_passkey_is_kept_beside_the_pin_and_a_damaged_one_leaves_the_pin() {
        let ring = Keyring {
            iterations: 1,
            salt: "c2FsdA==".into(),
            public_key: "cHVi".into(),
            wrapped_key: "d3JhcA==".into(),
            iv: "aXY=".into(),
            passkey: Some(PasskeyWrap {
                credential_id: "aWQ=".into(),
                prf_salt: "cHJm".into(),
                wrapped_key: "cGs=".into(),
                iv: "aXYy".into(),
            }),
        };
        let text = ring.encode();
        assert_eq!(Keyring::decode(&text), Some(ring.clone()));
        assert_eq!(
            Keyring::decode(&ring.without_passkey().encode()),
            Some(ring.without_passkey())
        );
        let damaged = text.replace("\"prf_salt\"", "\"prf_sal\"");
        assert_ne!(damaged, text);
        assert_eq!(Keyring::decode(&damaged), Some(ring.without_passkey()));
    }

    #[test]
    fn the_lock_comes_on_after_the_idle_time() {
        assert!(!idle_lock_due(0, 299_999, 5));
        assert!(idle_lock_due(0, 300_000, 5));
    }
}
