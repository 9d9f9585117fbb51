//! The drafts' cryptography, all of it the browser's own (WebCrypto's
//! `crypto.subtle`); nothing here is home-made. What the keys are and why is
//! in ARCHITECTURE.md ("The lock"); the formats are
//! `rusplan_domain::lock`.
//!
//! - A PIN becomes an AES-GCM key through PBKDF2-SHA256; it wraps the
//!   private half of the device key (ECDH P-256), which is only ever held
//!   unwrapped in memory, non-extractable, while the drafts are unlocked.
//! - Entries are sealed to the device key's public half, so a tick logged
//!   while the drafts are locked is written without the PIN: a key pair
//!   made for this page session, ECDH with the device key, then HKDF-SHA256,
//!   gives the AES-GCM key it encrypts with (encrypt only, non-extractable).
//! - A passkey (`passkey.rs`) can wrap the same private key a second time:
//!   its PRF output, through HKDF-SHA256, is that AES-GCM key.
//!
//! SubtleCrypto is called by name (`call`), its parameters built as plain
//! objects: one binding instead of one per method and dictionary.

use js_sys::{Array, Function, Object, Promise, Reflect, Uint8Array};
use rusplan_domain::lock::{Keyring, Sealed, PBKDF2_ITERATIONS};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Why something failed, in words for the user.
pub type Failure = String;

const HKDF_INFO: &[u8] = b"rusplan drafts v1";
const PASSKEY_HKDF_INFO: &[u8] = b"rusplan passkey wrap v1";

fn subtle() -> Result<JsValue, Failure> {
    let subtle = web_sys::window()
        .and_then(|w| Reflect::get(&w, &"crypto".into()).ok())
        .and_then(|c| Reflect::get(&c, &"subtle".into()).ok())
        .filter(|s| s.is_object());
    subtle.ok_or_else(|| {
        "nettleseren gir ikke tilgang til kryptering på en adresse uten https".to_owned()
    })
}

/// `crypto.subtle[method](...args)`, awaited.
async fn call(method: &str, args: &[&JsValue]) -> Result<JsValue, JsValue> {
    let subtle = subtle()?;
    let function: Function = Reflect::get(&subtle, &method.into())?.unchecked_into();
    let args: Array = args.iter().copied().collect();
    let promise: Promise = function.apply(&subtle, &args)?.unchecked_into();
    JsFuture::from(promise).await
}

pub(crate) fn object(members: &[(&str, &JsValue)]) -> JsValue {
    let object = Object::new();
    for (name, value) in members {
        let _ = Reflect::set(&object, &(*name).into(), value);
    }
    object.into()
}

pub(crate) fn bytes(data: &[u8]) -> JsValue {
    Uint8Array::from(data).into()
}

fn usages(list: &[&str]) -> JsValue {
    list.iter()
        .map(|u| JsValue::from_str(u))
        .collect::<Array>()
        .into()
}

fn p256(name: &str) -> JsValue {
    object(&[("name", &name.into()), ("namedCurve", &"P-256".into())])
}

fn aes_gcm(iv: &[u8], additional: Option<&[u8]>) -> JsValue {
    let iv = bytes(iv);
    match additional {
        Some(data) => object(&[
            ("name", &"AES-GCM".into()),
            ("iv", &iv),
            ("additionalData", &bytes(data)),
        ]),
        None => object(&[("name", &"AES-GCM".into()), ("iv", &iv)]),
    }
}

fn aes_256() -> JsValue {
    object(&[("name", &"AES-GCM".into()), ("length", &256.into())])
}

pub(crate) fn member(value: &JsValue, name: &str) -> JsValue {
    Reflect::get(value, &name.into()).unwrap_or(JsValue::UNDEFINED)
}

pub(crate) fn to_vec(buffer: &JsValue) -> Vec<u8> {
    Uint8Array::new(buffer).to_vec()
}

/// Random bytes from the browser's generator.
/// Fails rather than hand out predictable bytes: a salt or an IV of zeros
/// would repeat, and a repeated AES-GCM IV gives the key away.
pub fn random(len: usize) -> Result<Vec<u8>, Failure> {
    let mut data = vec![0u8; len];
    web_sys::window()
        .and_then(|w| w.crypto().ok())
        .and_then(|crypto| crypto.get_random_values_with_u8_array(&mut data).ok())
        .map(|_| data)
        .ok_or_else(|| "nettleseren ga ingen tilfeldige tall".to_owned())
}

pub(crate) fn base64(data: &[u8]) -> String {
    let binary: String = data.iter().map(|b| char::from(*b)).collect();
    web_sys::window()
        .and_then(|w| w.btoa(&binary).ok())
        .unwrap_or_default()
}

pub(crate) fn unbase64(text: &str) -> Result<Vec<u8>, Failure> {
    let binary = web_sys::window()
        .and_then(|w| w.atob(text).ok())
        .ok_or("ikke gyldig base64")?;
    binary
        .chars()
        .map(|c| u8::try_from(u32::from(c)).map_err(|_| "ikke gyldig base64".to_owned()))
        .collect()
}

fn failed(what: &str) -> impl Fn(JsValue) -> Failure + '_ {
    move |_| format!("{what} mislyktes i nettleserens kryptering")
}

/// Raw key material (a PIN, a shared secret) as the base a key is derived
/// from with `algorithm` (PBKDF2 or HKDF).
async fn derivation_base(material: &JsValue, algorithm: &str) -> Result<JsValue, JsValue> {
    call(
        "importKey",
        &[
            &"raw".into(),
            material,
            &algorithm.into(),
            &false.into(),
            &usages(&["deriveKey"]),
        ],
    )
    .await
}

/// An AES-GCM key derived by `params` from `base` that only wraps and
/// unwraps (the device key), and can never be exported.
async fn wrapping_key(params: &JsValue, base: &JsValue) -> Result<JsValue, JsValue> {
    call(
        "deriveKey",
        &[
            params,
            base,
            &aes_256(),
            &false.into(),
            &usages(&["wrapKey", "unwrapKey"]),
        ],
    )
    .await
}

/// The key a PIN gives, with the key ring's salt and cost.
async fn pin_key(pin: &str, salt: &[u8], iterations: u32) -> Result<JsValue, JsValue> {
    let base = derivation_base(&bytes(pin.as_bytes()), "PBKDF2").await?;
    let params = object(&[
        ("name", &"PBKDF2".into()),
        ("hash", &"SHA-256".into()),
        ("salt", &bytes(salt)),
        ("iterations", &iterations.into()),
    ]);
    wrapping_key(&params, &base).await
}

/// The device's private key out of one of its wraps (`wrapped`, `iv`:
/// base64). Extractable only to be wrapped again, under a passkey.
async fn unwrap_private(
    keyring: &Keyring,
    (wrapped, iv): (&str, &str),
    wrapping: &JsValue,
    extractable: bool,
) -> Result<JsValue, JsValue> {
    let (wrapped, iv) = (unbase64(wrapped)?, unbase64(iv)?);
    // The public key is the wrap's additional data: a key ring whose public
    // key was swapped (so that new entries are sealed to someone else's key)
    // no longer unlocks.
    call(
        "unwrapKey",
        &[
            &"pkcs8".into(),
            &bytes(&wrapped),
            wrapping,
            &aes_gcm(&iv, Some(keyring.public_key.as_bytes())),
            &p256("ECDH"),
            &extractable.into(),
            &usages(&["deriveBits"]),
        ],
    )
    .await
}

/// `private` (extractable) wrapped under `wrapping`, bound to the key
/// ring's public key: `(wrapped, iv)`, base64.
async fn wrap_private(
    private: &JsValue,
    wrapping: &JsValue,
    public_key: &str,
) -> Result<(String, String), Failure> {
    let iv = random(12)?;
    let wrapped = call(
        "wrapKey",
        &[
            &"pkcs8".into(),
            private,
            wrapping,
            &aes_gcm(&iv, Some(public_key.as_bytes())),
        ],
    )
    .await
    .map_err(failed("Innpakkingen av nøkkelen"))?;
    Ok((base64(&to_vec(&wrapped)), base64(&iv)))
}

/// A new device key, wrapped under `pin`: the key ring to store, and the
/// private key (unwrapped again, so the one kept cannot be exported).
pub async fn new_keyring(pin: &str) -> Result<(Keyring, JsValue), Failure> {
    let salt = random(16)?;
    let wrapping = pin_key(pin, &salt, PBKDF2_ITERATIONS)
        .await
        .map_err(failed("PIN-nøkkelen"))?;
    let pair = call(
        "generateKey",
        &[&p256("ECDH"), &true.into(), &usages(&["deriveBits"])],
    )
    .await
    .map_err(failed("Enhetsnøkkelen"))?;
    let public = call("exportKey", &[&"raw".into(), &member(&pair, "publicKey")])
        .await
        .map_err(failed("Enhetsnøkkelen"))?;
    let public_key = base64(&to_vec(&public));
    let (wrapped_key, iv) =
        wrap_private(&member(&pair, "privateKey"), &wrapping, &public_key).await?;
    let keyring = Keyring {
        iterations: PBKDF2_ITERATIONS,
        salt: base64(&salt),
        public_key,
        wrapped_key,
        iv,
        passkey: None,
    };
    let private = unlock_pin_wrap(&keyring, &wrapping, false)
        .await
        .map_err(failed("Innpakkingen av nøkkelen"))?;
    Ok((keyring, private))
}

async fn unlock_pin_wrap(
    keyring: &Keyring,
    wrapping: &JsValue,
    extractable: bool,
) -> Result<JsValue, JsValue> {
    let wrap = (keyring.wrapped_key.as_str(), keyring.iv.as_str());
    unwrap_private(keyring, wrap, wrapping, extractable).await
}

/// The device's private key, if `pin` is the right one (`Ok(None)` if not:
/// AES-GCM refuses to unwrap under a wrong key, and that is all it says).
/// `extractable` only to wrap it again under a passkey, then let go.
pub async fn unlock(
    pin: &str,
    keyring: &Keyring,
    extractable: bool,
) -> Result<Option<JsValue>, Failure> {
    let salt = unbase64(&keyring.salt)?;
    let wrapping = pin_key(pin, &salt, keyring.iterations)
        .await
        .map_err(failed("PIN-nøkkelen"))?;
    Ok(unlock_pin_wrap(keyring, &wrapping, extractable).await.ok())
}

/// The key a passkey's PRF output gives (HKDF-SHA256): it wraps and
/// unwraps the device key, nothing else.
async fn passkey_key(prf_output: &[u8]) -> Result<JsValue, JsValue> {
    let base = derivation_base(&bytes(prf_output), "HKDF").await?;
    let params = object(&[
        ("name", &"HKDF".into()),
        ("hash", &"SHA-256".into()),
        ("salt", &bytes(&[])),
        ("info", &bytes(PASSKEY_HKDF_INFO)),
    ]);
    wrapping_key(&params, &base).await
}

/// `private` (extractable, from `unlock`) wrapped under the passkey whose
/// PRF gave `prf_output`: `(wrapped, iv)`, base64.
pub async fn wrap_for_passkey(
    private: &JsValue,
    prf_output: &[u8],
    keyring: &Keyring,
) -> Result<(String, String), Failure> {
    let wrapping = passkey_key(prf_output)
        .await
        .map_err(failed("Passnøkkelen"))?;
    wrap_private(private, &wrapping, &keyring.public_key).await
}

/// The device's private key from the passkey's PRF output (`None`: this
/// output does not open it, so another passkey, or the entry was altered).
pub async fn unlock_with_passkey(keyring: &Keyring, prf_output: &[u8]) -> Option<JsValue> {
    let wrap = keyring.passkey.as_ref()?;
    let wrapping = passkey_key(prf_output).await.ok()?;
    let wrap = (wrap.wrapped_key.as_str(), wrap.iv.as_str());
    unwrap_private(keyring, wrap, &wrapping, false).await.ok()
}

/// An AES-GCM key from ECDH between `private` and `public` (raw), through
/// HKDF-SHA256 salted with the entry's ephemeral public key.
async fn shared_key(
    private: &JsValue,
    public: &[u8],
    ephemeral: &[u8],
    usage: &str,
) -> Result<JsValue, JsValue> {
    let public = call(
        "importKey",
        &[
            &"raw".into(),
            &bytes(public),
            &p256("ECDH"),
            &true.into(),
            &usages(&[]),
        ],
    )
    .await?;
    let ecdh = object(&[("name", &"ECDH".into()), ("public", &public)]);
    let secret = call("deriveBits", &[&ecdh, private, &256.into()]).await?;
    let hkdf = derivation_base(&secret, "HKDF").await?;
    let params = object(&[
        ("name", &"HKDF".into()),
        ("hash", &"SHA-256".into()),
        ("salt", &bytes(ephemeral)),
        ("info", &bytes(HKDF_INFO)),
    ]);
    call(
        "deriveKey",
        &[&params, &hkdf, &aes_256(), &false.into(), &usages(&[usage])],
    )
    .await
}

/// The key this page seals with: it can encrypt only, and nothing it
/// sealed opens without the device's private key.
#[derive(Clone)]
pub struct SealingKey {
    ephemeral: String,
    key: JsValue,
}

pub async fn sealing_key(keyring: &Keyring) -> Result<SealingKey, Failure> {
    let device = unbase64(&keyring.public_key)?;
    let pair = call(
        "generateKey",
        &[&p256("ECDH"), &false.into(), &usages(&["deriveBits"])],
    )
    .await
    .map_err(failed("Krypteringsnøkkelen"))?;
    let ephemeral = call("exportKey", &[&"raw".into(), &member(&pair, "publicKey")])
        .await
        .map_err(failed("Krypteringsnøkkelen"))?;
    let ephemeral = to_vec(&ephemeral);
    let key = shared_key(&member(&pair, "privateKey"), &device, &ephemeral, "encrypt")
        .await
        .map_err(failed("Krypteringsnøkkelen"))?;
    Ok(SealingKey {
        ephemeral: base64(&ephemeral),
        key,
    })
}

/// `text` sealed for storage under `storage_key`.
pub async fn seal(key: &SealingKey, storage_key: &str, text: &str) -> Result<String, Failure> {
    let iv = random(12)?;
    let ciphertext = call(
        "encrypt",
        &[
            &aes_gcm(&iv, Some(storage_key.as_bytes())),
            &key.key,
            &bytes(text.as_bytes()),
        ],
    )
    .await
    .map_err(failed("Krypteringen"))?;
    Ok(Sealed {
        ephemeral_key: key.ephemeral.clone(),
        iv: base64(&iv),
        ciphertext: base64(&to_vec(&ciphertext)),
    }
    .encode())
}

/// Opens what was sealed under `storage_key`, with the device's private key.
pub async fn open(private: &JsValue, storage_key: &str, raw: &str) -> Result<String, Failure> {
    const ALTERED: &str = "kan ikke låses opp: innholdet er skadet eller endret";
    let sealed = Sealed::decode(raw).ok_or(ALTERED)?;
    let ephemeral = unbase64(&sealed.ephemeral_key)?;
    let (iv, ciphertext) = (unbase64(&sealed.iv)?, unbase64(&sealed.ciphertext)?);
    let key = shared_key(private, &ephemeral, &ephemeral, "decrypt")
        .await
        .map_err(|_| ALTERED.to_owned())?;
    let plain = call(
        "decrypt",
        &[
            &aes_gcm(&iv, Some(storage_key.as_bytes())),
            &key,
            &bytes(&ciphertext),
        ],
    )
    .await
    .map_err(|_| ALTERED.to_owned())?;
    String::from_utf8(to_vec(&plain)).map_err(|_| ALTERED.to_owned())
}
