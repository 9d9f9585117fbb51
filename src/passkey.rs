//! Unlocking with the phone's fingerprint or face: a WebAuthn passkey
//! whose `prf` extension gives the same secret each time it is asked with
//! the same salt, and only after the device has verified its user. That
//! secret wraps the device key beside the PIN (`seal::wrap_for_passkey`);
//! the PIN stays the way in when the passkey cannot be used.
//!
//! Called by name through `Reflect`, like `seal.rs`: WebAuthn's extension
//! dictionaries are not in web-sys.

use crate::seal::{self, bytes, member, object, to_vec, Failure};
use js_sys::{Array, Function, Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// What a passkey is called where staff see it.
pub const NAME: &str = "fingeravtrykk, ansikt eller skjermlås";

/// Can this browser ask for a passkey here at all (a secure context with
/// WebAuthn, on a host name: WebAuthn refuses an IP address as the site)?
/// Whether the authenticator has the PRF extension is known only by asking.
pub fn available() -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let host = window.location().hostname().unwrap_or_default();
    let ip_address = host.contains(':') || host.chars().all(|c| c.is_ascii_digit() || c == '.');
    window.is_secure_context()
        && !ip_address
        && Reflect::get(&window, &"PublicKeyCredential".into()).is_ok_and(|c| c.is_function())
}

/// Does the browser say it lacks the PRF extension? (`false` where it
/// cannot tell: then adding a passkey finds out.)
pub async fn lacks_prf() -> bool {
    let capabilities = async {
        let window: JsValue = web_sys::window()?.into();
        let class = Reflect::get(&window, &"PublicKeyCredential".into()).ok()?;
        let ask: Function = Reflect::get(&class, &"getClientCapabilities".into())
            .ok()?
            .dyn_into()
            .ok()?;
        let promise: Promise = ask.call0(&class).ok()?.dyn_into().ok()?;
        JsFuture::from(promise).await.ok()
    };
    capabilities
        .await
        .is_some_and(|c| member(&c, "extension:prf") == JsValue::FALSE)
}

async fn credentials(method: &str, options: JsValue) -> Result<JsValue, Failure> {
    let credentials = web_sys::window()
        .map(|w| w.navigator())
        .and_then(|n| Reflect::get(&n, &"credentials".into()).ok())
        .ok_or(UNAVAILABLE)?;
    let function: Function = Reflect::get(&credentials, &method.into())
        .ok()
        .and_then(|f| f.dyn_into().ok())
        .ok_or(UNAVAILABLE)?;
    let promise: Promise = function
        .call1(&credentials, &options)
        .ok()
        .and_then(|p| p.dyn_into().ok())
        .ok_or(UNAVAILABLE)?;
    JsFuture::from(promise).await.map_err(|error| {
        // NotAllowedError: the user cancelled, or the time ran out.
        match member(&error, "name").as_string().as_deref() {
            Some("NotAllowedError") => CANCELLED.to_owned(),
            _ => UNAVAILABLE.to_owned(),
        }
    })
}

const UNAVAILABLE: &str = "denne enheten kunne ikke bruke en passnøkkel";
const CANCELLED: &str =
    "det ble avbrutt, tok for lang tid, eller passnøkkelen finnes ikke lenger på enheten";
const NO_PRF: &str = "passnøkkelen på denne enheten kan ikke låse opp Rusplans utkast";

/// `{ prf: { eval: { first: salt } } }`
fn prf_request(prf_salt: &[u8]) -> JsValue {
    let eval = object(&[("first", &bytes(prf_salt))]);
    object(&[("prf", &object(&[("eval", &eval)]))])
}

/// The PRF's output in a credential's extension results, if it gave one.
fn prf_output(credential: &JsValue) -> Option<Vec<u8>> {
    let results = results_of(credential)?;
    let first = member(&member(&member(&results, "prf"), "results"), "first");
    (!first.is_undefined()).then(|| to_vec(&first))
}

/// Makes a passkey for this device's drafts and evaluates its PRF on
/// `prf_salt`: `(credential id, PRF output)`. `user_id` is the same for
/// one key ring, so adding a passkey again replaces the last one where the
/// authenticator keeps them.
pub async fn create(user_id: &[u8], prf_salt: &[u8]) -> Result<(Vec<u8>, Vec<u8>), Failure> {
    let user = object(&[
        ("id", &bytes(user_id)),
        ("name", &"Rusplan-utkast".into()),
        (
            "displayName",
            &"Utkastene i Rusplan på denne enheten".into(),
        ),
    ]);
    let algorithms: Array = [-7, -257]
        .into_iter()
        .map(|alg| object(&[("type", &"public-key".into()), ("alg", &alg.into())]))
        .collect();
    let selection = object(&[("userVerification", &"required".into())]);
    let public_key = object(&[
        ("rp", &object(&[("name", &"Rusplan".into())])),
        ("user", &user),
        ("challenge", &bytes(&seal::random(32)?)),
        ("pubKeyCredParams", &algorithms.into()),
        ("authenticatorSelection", &selection),
        ("extensions", &prf_request(prf_salt)),
    ]);
    let credential = credentials("create", object(&[("publicKey", &public_key)])).await?;
    let id = to_vec(&member(&credential, "rawId"));
    // Some authenticators evaluate the PRF only when asked to sign in; one
    // that says it has none is not asked a second time.
    let enabled = results_of(&credential).map(|r| member(&member(&r, "prf"), "enabled"));
    match prf_output(&credential) {
        Some(output) => Ok((id, output)),
        None if enabled == Some(JsValue::FALSE) => {
            forget(&id);
            Err(NO_PRF.to_owned())
        }
        None => Ok((id.clone(), evaluate(&id, prf_salt).await?)),
    }
}

/// Tells the browser's passkey manager that this passkey is no longer
/// used (removed, or the drafts wiped), where it can be told: it may then
/// delete it. Nothing to wait for, and nothing to do where it cannot.
pub fn forget(credential_id: &[u8]) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Ok(class) = Reflect::get(&window, &"PublicKeyCredential".into()) else {
        return;
    };
    let Ok(signal) = Reflect::get(&class, &"signalUnknownCredential".into()) else {
        return;
    };
    let Some(signal) = signal.dyn_ref::<Function>() else {
        return;
    };
    // base64url without padding, as the call expects.
    let id: String = seal::base64(credential_id)
        .trim_end_matches('=')
        .chars()
        .map(|c| match c {
            '+' => '-',
            '/' => '_',
            c => c,
        })
        .collect();
    let host = window.location().hostname().unwrap_or_default();
    let options = object(&[("rpId", &host.into()), ("credentialId", &id.into())]);
    if let Some(promise) = signal
        .call1(&class, &options)
        .ok()
        .and_then(|p| p.dyn_into::<Promise>().ok())
    {
        // A refusal changes nothing for Rusplan: the wrap is gone already.
        wasm_bindgen_futures::spawn_local(async move {
            let _ = JsFuture::from(promise).await;
        });
    }
}

fn results_of(credential: &JsValue) -> Option<JsValue> {
    let results: Function = Reflect::get(credential, &"getClientExtensionResults".into())
        .ok()?
        .dyn_into()
        .ok()?;
    results.call0(credential).ok()
}

/// Asks the passkey `credential_id` (with the user verified) for its PRF
/// output on `prf_salt`.
pub async fn evaluate(credential_id: &[u8], prf_salt: &[u8]) -> Result<Vec<u8>, Failure> {
    let allowed: Array = [object(&[
        ("type", &"public-key".into()),
        ("id", &bytes(credential_id)),
    ])]
    .into_iter()
    .collect();
    let public_key = object(&[
        ("challenge", &bytes(&seal::random(32)?)),
        ("allowCredentials", &allowed.into()),
        ("userVerification", &"required".into()),
        ("extensions", &prf_request(prf_salt)),
    ]);
    let credential = credentials("get", object(&[("publicKey", &public_key)])).await?;
    prf_output(&credential).ok_or_else(|| NO_PRF.to_owned())
}
