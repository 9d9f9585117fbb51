//! The lock's state in the page: the key ring, the keys while they are
//! held, and the sealing and opening of stored entries (`seal` does the
//! cryptography). The rules (PIN, wait after a wrong PIN, idle time,
//! formats) are `rusplan_domain::lock`; what a lock does to the drafts is
//! the case book's.

use crate::passkey;
use crate::seal::{self, Failure, SealingKey};
use crate::storage;
use leptos::prelude::*;
use rusplan_domain::lock::{
    is_sealed, Failures, Keyring, PasskeyWrap, DEFAULT_IDLE_MINUTES, KEYRING_KEY,
};
use std::cell::RefCell;
use wasm_bindgen::JsValue;

const FAILURES_KEY: &str = "rusplan.lock.failures";
const DAMAGED_RING: &str = "nøkkelringen på enheten kan ikke leses";
const CHANGED_RING: &str =
    "PIN-koden ble endret, eller utkastene slettet, i en annen fane mens du låste opp; prøv igjen";
const IDLE_KEY: &str = "rusplan.settings.lock-after-minutes";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LockState {
    /// No PIN yet: drafts are stored as they are (the app keeps asking).
    NoPin,
    Locked,
    Unlocked,
}

/// The keys, while held. Browser objects, so kept beside the signals.
#[derive(Default)]
struct Keys {
    /// The device's private key: only while unlocked.
    private: Option<JsValue>,
    /// This page's sealing key (made when first needed, new after a lock).
    sealing: Option<SealingKey>,
    /// What this page wrote or opened: `(storage key, sealed text, plain
    /// text)`, so a write need not open the copy it wrote itself. Emptied
    /// on locking; then it holds only what is logged while locked.
    known: Vec<(String, String, String)>,
}

thread_local! {
    static KEYS: RefCell<Keys> = RefCell::new(Keys::default());
}

#[derive(Clone, Copy)]
pub struct Vault {
    pub state: RwSignal<LockState>,
    keyring: StoredValue<Option<Keyring>>,
    /// Minutes without use before the lock comes on.
    pub idle_minutes: RwSignal<u32>,
}

impl Vault {
    pub fn load() -> Self {
        let keyring = read_keyring();
        // A key ring that cannot be read still means a PIN: never fall
        // back to writing drafts in plain text.
        let has_ring = storage::get(KEYRING_KEY).is_some();
        let idle = storage::get(IDLE_KEY)
            .and_then(|t| t.parse().ok())
            .unwrap_or(DEFAULT_IDLE_MINUTES);
        Vault {
            state: RwSignal::new(if has_ring {
                LockState::Locked
            } else {
                LockState::NoPin
            }),
            keyring: StoredValue::new(keyring),
            idle_minutes: RwSignal::new(idle),
        }
    }

    /// No PIN and nothing read: for pages rendered ahead of time
    /// (`crates/prerender`), which show no drafts.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn ahead_of_time() -> Self {
        Vault {
            state: RwSignal::new(LockState::NoPin),
            keyring: StoredValue::new(None),
            idle_minutes: RwSignal::new(DEFAULT_IDLE_MINUTES),
        }
    }

    pub fn has_pin(&self) -> bool {
        self.keyring.with_value(Option::is_some) || storage::get(KEYRING_KEY).is_some()
    }

    /// The key ring as stored now (another tab may have set or wiped it).
    pub fn reread(&self) {
        self.keyring.set_value(read_keyring());
    }

    pub fn set_idle_minutes(&self, minutes: u32) -> Result<(), storage::NotSaved> {
        self.idle_minutes.set(minutes);
        storage::set(IDLE_KEY, &minutes.to_string())
    }

    /// Makes the device key, wraps it under `pin` and stores the key ring.
    /// Nothing changes if the key ring cannot be stored.
    pub async fn set_pin(&self, pin: &str) -> Result<(), Failure> {
        let (keyring, private) = seal::new_keyring(pin).await?;
        self.store_keyring(keyring)?;
        KEYS.with_borrow_mut(|keys| keys.private = Some(private));
        Ok(())
    }

    /// `Ok(false)`: a wrong PIN (counted, so the wait grows).
    pub async fn unlock(&self, pin: &str) -> Result<bool, Failure> {
        match self.check_pin(pin, false).await? {
            Some(private) => {
                KEYS.with_borrow_mut(|keys| keys.private = Some(private));
                Ok(true)
            }
            None => Ok(false),
        }
    }

    /// The private key if `pin` is right; a wrong one is counted, so the
    /// wait grows wherever a PIN is asked for.
    async fn check_pin(&self, pin: &str, extractable: bool) -> Result<Option<JsValue>, Failure> {
        let keyring = self.keyring.get_value().ok_or(DAMAGED_RING)?;
        let private = seal::unlock(pin, &keyring, extractable).await?;
        self.unchanged_since(&keyring)?;
        if private.is_some() {
            storage::remove(FAILURES_KEY);
        } else {
            let failures = self.failures();
            let failures = Failures {
                count: failures.count.saturating_add(1),
                last_at: crate::browser::now_millis(),
            };
            let _ = storage::set(FAILURES_KEY, &failures.encode());
        }
        Ok(private)
    }

    /// The key ring is still `opened` (a wipe or a new PIN in another tab
    /// during an unlock would otherwise leave this tab with a key that is
    /// no longer the device's).
    fn unchanged_since(&self, opened: &Keyring) -> Result<(), Failure> {
        self.reread();
        match self.keyring.get_value() {
            Some(now) if now.without_passkey() == opened.without_passkey() => Ok(()),
            _ => Err(CHANGED_RING.to_owned()),
        }
    }

    pub fn has_passkey(&self) -> bool {
        self.keyring
            .with_value(|ring| ring.as_ref().is_some_and(|r| r.passkey.is_some()))
    }

    /// Adds a passkey that unlocks as the PIN does; the PIN is asked for
    /// again, because only it can unwrap the key to be wrapped anew
    /// (the key held while unlocked cannot be exported). `Ok(false)`: a
    /// wrong PIN, counted like any other.
    pub async fn add_passkey(&self, pin: &str) -> Result<bool, Failure> {
        let opened = self.keyring.get_value().ok_or(DAMAGED_RING)?;
        let Some(private) = self.check_pin(pin, true).await? else {
            return Ok(false);
        };
        let prf_salt = seal::random(32)?;
        // One user per key ring: the public key's first bytes (random, and
        // nothing about anyone).
        let user_id: Vec<u8> = seal::unbase64(&opened.public_key)?
            .into_iter()
            .skip(1)
            .take(16)
            .collect();
        let (credential_id, output) = passkey::create(&user_id, &prf_salt).await?;
        // The key opened above must still be the ring's own.
        if let Err(changed) = self.unchanged_since(&opened) {
            passkey::forget(&credential_id);
            return Err(changed);
        }
        let keyring = self.keyring.get_value().ok_or(DAMAGED_RING)?;
        let replaced = keyring.passkey.clone();
        let (wrapped_key, iv) = seal::wrap_for_passkey(&private, &output, &keyring).await?;
        let keyring = Keyring {
            passkey: Some(PasskeyWrap {
                credential_id: seal::base64(&credential_id),
                prf_salt: seal::base64(&prf_salt),
                wrapped_key,
                iv,
            }),
            ..keyring
        };
        // Proves the wrap opens before it is relied on.
        if seal::unlock_with_passkey(&keyring, &output).await.is_none() {
            return Err("passnøkkelen kunne ikke låse opp igjen".to_owned());
        }
        self.store_keyring(keyring)?;
        if let Some(old) = replaced.filter(|old| old.credential_id != seal::base64(&credential_id))
        {
            forget_credential(&old);
        }
        Ok(true)
    }

    pub fn remove_passkey(&self) -> Result<(), Failure> {
        self.reread();
        let keyring = self.keyring.get_value().ok_or(DAMAGED_RING)?;
        self.store_keyring(keyring.without_passkey())?;
        if let Some(old) = &keyring.passkey {
            forget_credential(old);
        }
        Ok(())
    }

    /// Before a wipe: the passkey is told to the browser as no longer used.
    pub fn forget_passkey(&self) {
        if let Some(wrap) = read_keyring().and_then(|ring| ring.passkey) {
            forget_credential(&wrap);
        }
    }

    fn store_keyring(&self, keyring: Keyring) -> Result<(), Failure> {
        storage::set(KEYRING_KEY, &keyring.encode()).map_err(|e| e.to_string())?;
        self.keyring.set_value(Some(keyring));
        Ok(())
    }

    /// Unlocks with the passkey (the device verifies its user). `Ok(false)`:
    /// the passkey answered, but what it gave does not open this key ring.
    pub async fn unlock_with_passkey(&self) -> Result<bool, Failure> {
        let keyring = self.keyring.get_value().ok_or(DAMAGED_RING)?;
        let wrap = keyring
            .passkey
            .as_ref()
            .ok_or("ingen passnøkkel er lagt til")?;
        let credential_id = seal::unbase64(&wrap.credential_id)?;
        let prf_salt = seal::unbase64(&wrap.prf_salt)?;
        let output = passkey::evaluate(&credential_id, &prf_salt).await?;
        let private = seal::unlock_with_passkey(&keyring, &output).await;
        // The prompt waits for the user: another tab may have wiped the
        // drafts or set a new PIN meanwhile.
        self.unchanged_since(&keyring)?;
        match private {
            Some(private) => {
                KEYS.with_borrow_mut(|keys| keys.private = Some(private));
                storage::remove(FAILURES_KEY);
                Ok(true)
            }
            None => Ok(false),
        }
    }

    /// Wrong PINs in a row so far.
    pub fn failures(&self) -> Failures {
        storage::get(FAILURES_KEY).map_or_else(Failures::default, |t| Failures::decode(&t))
    }

    /// Lets go of the private key and of everything opened; the next
    /// write is sealed with a new key.
    pub fn forget_keys(&self) {
        KEYS.with_borrow_mut(|keys| *keys = Keys::default());
    }

    /// After a wipe: no key ring, nothing held.
    pub fn forget_all(&self) {
        self.forget_keys();
        self.keyring.set_value(None);
        self.state.set(LockState::NoPin);
    }

    pub fn holds_private_key(&self) -> bool {
        KEYS.with_borrow(|keys| keys.private.is_some())
    }

    /// `text` as it is to be stored under `key`: sealed once there is a PIN.
    pub async fn to_store(&self, key: &str, text: String) -> Result<String, Failure> {
        let Some(keyring) = self.keyring.get_value() else {
            if self.has_pin() {
                return Err(DAMAGED_RING.to_owned());
            }
            return Ok(text);
        };
        let sealing = match KEYS.with_borrow(|keys| keys.sealing.clone()) {
            Some(sealing) => sealing,
            None => {
                let sealing = seal::sealing_key(&keyring).await?;
                KEYS.with_borrow_mut(|keys| keys.sealing = Some(sealing.clone()));
                sealing
            }
        };
        let sealed = seal::seal(&sealing, key, &text).await?;
        remember(key, &sealed, text);
        Ok(sealed)
    }

    /// The plain text of `raw`, stored under `key`, if this page wrote or
    /// opened it.
    pub fn opened(&self, key: &str, raw: &str) -> Option<String> {
        KEYS.with_borrow(|keys| {
            keys.known
                .iter()
                .find(|(k, sealed, _)| k == key && sealed == raw)
                .map(|(_, _, plain)| plain.clone())
        })
    }

    /// The plain text of what storage holds under `key`.
    pub async fn plain(&self, key: &str, raw: &str) -> Result<String, Failure> {
        if !is_sealed(raw) {
            return Ok(raw.to_owned());
        }
        if let Some(plain) = self.opened(key, raw) {
            return Ok(plain);
        }
        let private = KEYS
            .with_borrow(|keys| keys.private.clone())
            .ok_or("utkastene er låst")?;
        let plain = seal::open(&private, key, raw).await?;
        remember(key, raw, plain.clone());
        Ok(plain)
    }
}

fn forget_credential(wrap: &PasskeyWrap) {
    if let Ok(id) = seal::unbase64(&wrap.credential_id) {
        passkey::forget(&id);
    }
}

fn read_keyring() -> Option<Keyring> {
    Keyring::decode(&storage::get(KEYRING_KEY)?)
}

fn remember(key: &str, sealed: &str, plain: String) {
    KEYS.with_borrow_mut(|keys| {
        keys.known.retain(|(k, _, _)| k != key);
        keys.known.push((key.to_owned(), sealed.to_owned(), plain));
    });
}
