//! The lock on the drafts, as staff see it: setting a PIN (asked for on the
//! calm screens, never in an incident), unlocking (with the wait after wrong
//! PINs, and the one way out of a forgotten PIN: deleting the drafts),
//! locking, and the note a procedure shows while its log is locked.
//! Guidance, questions and call buttons never ask for the PIN.

use crate::browser;
use crate::case_book::CaseBook;
use crate::components::confirm::ConfirmButton;
use crate::components::OWN_CHOICE;
use crate::page::{focus_page_heading, link, set_title};
use crate::passkey;
use crate::state::AppState;
use crate::vault::LockState;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;
use rusplan_domain::lock::{pin_problem, IDLE_CHOICES, MIN_PIN_LENGTH};

/// What was typed in a PIN field, which is emptied: a PIN is kept nowhere.
fn take_value(field: NodeRef<leptos::html::Input>) -> String {
    field
        .get_untracked()
        .map(|input| {
            let value = input.value();
            input.set_value("");
            value
        })
        .unwrap_or_default()
}

fn seconds_to_wait(book: CaseBook) -> i64 {
    let wait = book.vault.failures().next_try_at() - browser::now_millis();
    (wait.max(0) + 999) / 1000
}

/// A PIN or passphrase field, labelled; what is typed is read (and
/// emptied) by `take_value`.
#[component]
fn PinField(
    id: &'static str,
    #[prop(into)] label: String,
    autocomplete: &'static str,
    field: NodeRef<leptos::html::Input>,
) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <input id=id type="password" autocomplete=autocomplete required node_ref=field/>
        </div>
    }
}

/// A page whose drafts are locked: what it is, and the way in.
#[component]
pub fn LockedPage() -> impl IntoView {
    set_title("Utkastene er låst");
    view! {
        <h1>"Utkastene er låst"</h1>
        <p>"Lås opp for å se sakene og referatene. Veiledningen og ringeknappene \
            virker uten."</p>
        <UnlockForm/>
    }
}

#[component]
pub fn UnlockForm() -> impl IntoView {
    let book = expect_context::<CaseBook>();
    let state = expect_context::<AppState>();
    let pin = NodeRef::<leptos::html::Input>::new();
    let message = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let wait = seconds_to_wait(book);
        if wait > 0 {
            message.set(Some(format!("Vent {wait} sekunder før du prøver igjen.")));
            return;
        }
        busy.set(true);
        let entered = take_value(pin);
        spawn_local(async move {
            let result = book.unlock(&entered).await;
            busy.set(false);
            match result {
                Ok(true) => {
                    message.set(None);
                    request_animation_frame(focus_page_heading);
                }
                // Only that it was wrong: never how close. The field gets
                // the focus back (the disabled button lost it).
                Ok(false) => {
                    if let Some(input) = pin.get_untracked() {
                        let _ = input.focus();
                    }
                    message.set(Some(match seconds_to_wait(book) {
                        0 => "Feil PIN-kode.".to_owned(),
                        wait => format!("Feil PIN-kode. Vent {wait} sekunder før du prøver igjen."),
                    }))
                }
                Err(why) => message.set(Some(format!("Kunne ikke låse opp: {why}."))),
            }
        });
    };
    let forgot = Callback::new(move |()| {
        book.delete_all();
        state.forget_device_data();
    });
    let with_passkey = move |_| {
        busy.set(true);
        spawn_local(async move {
            let result = book.unlock_with_passkey().await;
            busy.set(false);
            let why = match result {
                Ok(true) => {
                    message.set(None);
                    request_animation_frame(focus_page_heading);
                    return;
                }
                Ok(false) => "passnøkkelen hører ikke til disse utkastene".to_owned(),
                Err(why) => why,
            };
            message.set(Some(format!(
                "Kunne ikke låse opp med passnøkkel: {why}. Bruk PIN-koden."
            )));
            if let Some(input) = pin.get_untracked() {
                let _ = input.focus();
            }
        });
    };
    let offer_passkey = book.vault.has_passkey() && passkey::available();
    view! {
        {offer_passkey.then(|| view! {
            <button type="button" class="button" disabled=busy on:click=with_passkey>
                {format!("Lås opp med {}", passkey::NAME)}
            </button>
            <p>"Eller skriv PIN-koden:"</p>
        })}
        <form class="lock-form" on:submit=submit>
            <PinField id="unlock-pin" label="PIN-kode" autocomplete="current-password" field=pin/>
            <button type="submit" class="button" disabled=busy>"Lås opp"</button>
            {move || message.get().map(|m| view! { <p class="warning" role="alert">{m}</p> })}
        </form>
        <section aria-labelledby="forgot-title">
            <h2 id="forgot-title">"Glemt PIN-koden?"</h2>
            <p>"Ingen kan åpne utkastene uten PIN-koden, heller ikke skolen eller Rusplan. \
                Den eneste veien videre er å slette alt Rusplan har lagret på denne enheten: \
                utkastene, numrene du har lagt til og PIN-koden. Det kan ikke angres."</p>
            <ConfirmButton open_label="Slett utkastene og PIN-koden …"
                question="Er du sikker? Utkastene kan ikke hentes tilbake."
                confirm_label="Ja, slett alt" on_confirm=forgot/>
        </section>
    }
}

/// Asks for a PIN until there is one; then the lock's settings.
#[component]
pub fn LockSettings() -> impl IntoView {
    let book = expect_context::<CaseBook>();
    move || match book.lock_state() {
        LockState::NoPin => view! { <SetPin/> }.into_any(),
        _ => view! { <IdleChoice/> <PasskeySettings/> }.into_any(),
    }
}

#[component]
fn SetPin() -> impl IntoView {
    let book = expect_context::<CaseBook>();
    let (first, second) = (NodeRef::new(), NodeRef::new());
    let message = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let (pin, again) = (take_value(first), take_value(second));
        let problem = match pin_problem(&pin) {
            Some(problem) => Some(problem),
            None if pin != again => Some("PIN-kodene er ikke like."),
            None => None,
        };
        if let Some(problem) = problem {
            message.set(Some(problem.to_owned()));
            return;
        }
        busy.set(true);
        spawn_local(async move {
            message.set(
                book.set_pin(&pin)
                    .await
                    .err()
                    .map(|why| format!("Kunne ikke sette PIN-kode: {why}.")),
            );
            busy.set(false);
        });
    };
    view! {
        <section class="pin-prompt" aria-labelledby="pin-title">
            <h2 id="pin-title">"Lås utkastene med en PIN-kode"</h2>
            <p>"Utkastene er ikke låst. Med en PIN-kode lagres de kryptert, og de låses av seg selv \
                når Rusplan ikke er i bruk. Veiledningen og ringeknappene virker alltid uten PIN-kode."</p>
            <p class="general-info">{OWN_CHOICE}</p>
            <form class="lock-form" on:submit=submit>
                <PinField id="new-pin" label=format!("Ny PIN-kode (minst {MIN_PIN_LENGTH} tegn)") autocomplete="new-password" field=first/>
                <PinField id="repeat-pin" label="Gjenta PIN-koden" autocomplete="new-password" field=second/>
                <p>"Jo lengre, jo tryggere: seks sifre kan gjettes på kort tid av den som har fått tak i \
                    en kopi av nettleserens data. En setning på fire–fem ord er langt sikrere. Husk PIN-koden: \
                    glemmer du den, må utkastene slettes."</p>
                <button type="submit" class="button" disabled=busy>"Lås med PIN-kode"</button>
                {move || message.get().map(|m| view! { <p class="warning" role="alert">{m}</p> })}
            </form>
        </section>
    }
}

#[component]
fn IdleChoice() -> impl IntoView {
    let book = expect_context::<CaseBook>();
    let problem = RwSignal::new(None::<String>);
    let change = move |ev| {
        if let Ok(minutes) = event_target_value(&ev).parse::<u32>() {
            problem.set(
                book.vault
                    .set_idle_minutes(minutes)
                    .err()
                    .map(|e| e.to_string()),
            );
        }
    };
    view! {
        <section aria-labelledby="lock-title">
            <h2 id="lock-title">"Lås"</h2>
            <div class="field">
                <label for="idle-minutes">"Lås utkastene etter (minutter uten bruk)"</label>
                <select id="idle-minutes" on:change=change aria-describedby="idle-note">
                    {IDLE_CHOICES.into_iter().map(|m| view! {
                        <option value=m.to_string() selected=move || book.vault.idle_minutes.get() == m>{m.to_string()}</option>
                    }).collect_view()}
                </select>
                <p id="idle-note" class="general-info">{OWN_CHOICE}</p>
                {move || problem.get().map(|p| view! { <p class="warning" role="alert">{p}</p> })}
            </div>
        </section>
    }
}

/// Adding (with the PIN) or removing the passkey that unlocks instead of
/// the PIN, where the browser can ask for one.
#[component]
fn PasskeySettings() -> impl IntoView {
    let book = expect_context::<CaseBook>();
    let has = RwSignal::new(book.vault.has_passkey());
    let lacks_prf = RwSignal::new(false);
    // Two live regions, there from the start so what comes in is read out.
    let (done, problem) = (RwSignal::new(String::new()), RwSignal::new(String::new()));
    let busy = RwSignal::new(false);
    let pin = NodeRef::<leptos::html::Input>::new();
    let heading = NodeRef::<leptos::html::H2>::new();
    spawn_local(async move { lacks_prf.set(passkey::lacks_prf().await) });
    // The form or the button the user was on is gone: focus goes to the
    // section, whose message says what came of it.
    let focus_heading = move || {
        request_animation_frame(move || {
            if let Some(h) = heading.get_untracked() {
                let _ = h.focus();
            }
        })
    };
    let refused = move |why: String| {
        done.set(String::new());
        problem.set(why);
        if let Some(input) = pin.get_untracked() {
            let _ = input.focus();
        }
    };
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let wait = seconds_to_wait(book);
        if wait > 0 {
            refused(format!("Vent {wait} sekunder før du prøver igjen."));
            return;
        }
        busy.set(true);
        let entered = take_value(pin);
        spawn_local(async move {
            let result = book.vault.add_passkey(&entered).await;
            busy.set(false);
            match result {
                Ok(true) => {
                    problem.set(String::new());
                    done.set(format!(
                        "Lagt til. Neste gang kan du låse opp med {}.",
                        passkey::NAME
                    ));
                    has.set(true);
                    focus_heading();
                }
                Ok(false) => refused(match seconds_to_wait(book) {
                    0 => "Feil PIN-kode.".to_owned(),
                    wait => format!("Feil PIN-kode. Vent {wait} sekunder før du prøver igjen."),
                }),
                Err(why) => refused(format!("Kunne ikke legge til passnøkkel: {why}.")),
            }
        });
    };
    let remove = Callback::new(move |()| {
        match book.vault.remove_passkey() {
            Ok(()) => {
                problem.set(String::new());
                done.set("Passnøkkelen er fjernet. Nå låser bare PIN-koden opp.".to_owned());
                has.set(false);
            }
            Err(why) => problem.set(format!("Kunne ikke fjerne passnøkkelen: {why}.")),
        }
        focus_heading();
    });
    passkey::available().then(|| view! {
        <section aria-labelledby="passkey-title">
            <h2 id="passkey-title" tabindex="-1" node_ref=heading>"Lås opp uten PIN-kode"</h2>
            <p class="general-info">{OWN_CHOICE}</p>
            {move || if has.get() {
                view! {
                    <p>{format!("Du kan låse opp med {} på denne enheten. PIN-koden virker fortsatt.", passkey::NAME)}</p>
                    <ConfirmButton open_label="Fjern passnøkkelen …"
                        question="Fjerne passnøkkelen? Da låser bare PIN-koden opp."
                        confirm_label="Ja, fjern den" on_confirm=remove/>
                }.into_any()
            } else if lacks_prf.get() {
                view! { <p>"Denne nettleseren kan ikke låse opp med passnøkkel. PIN-koden virker som før."</p> }.into_any()
            } else {
                view! {
                    <p>{format!("Med en passnøkkel kan du låse opp med {} i stedet for PIN-koden. \
                        PIN-koden virker fortsatt, og trengs hvis passnøkkelen ikke kan brukes.", passkey::NAME)}</p>
                    <p class="warning">"Bare på en telefon eller PC-konto som ingen andre bruker: \
                        alle som kommer forbi enhetens skjermlås, eller som har passnøklene dine \
                        synkronisert til sin konto, kan da åpne utkastene."</p>
                    <form class="lock-form" on:submit=submit>
                        <PinField id="passkey-pin" label="PIN-kode (for å bekrefte)" autocomplete="current-password" field=pin/>
                        <button type="submit" class="button" disabled=busy>"Legg til passnøkkel"</button>
                    </form>
                }.into_any()
            }}
            <div role="status">{move || done.with(|d| (!d.is_empty()).then(|| view! { <p>{d.clone()}</p> }))}</div>
            <div role="alert">{move || problem.with(|p| (!p.is_empty()).then(|| view! { <p class="warning">{p.clone()}</p> }))}</div>
        </section>
    })
}

/// In the app bar while the drafts are open.
#[component]
pub fn LockButton() -> impl IntoView {
    let book = expect_context::<CaseBook>();
    move || {
        (book.lock_state() == LockState::Unlocked).then(|| {
            view! {
                <button type="button" class="lock-button"
                    on:click=move |_| { book.lock(); request_animation_frame(focus_page_heading) }>
                    "Lås utkastene"
                </button>
            }
        })
    }
}

/// On a procedure while the drafts are locked: the run is still logged.
#[component]
pub fn LockedLog() -> impl IntoView {
    view! {
        <p class="case-banner">
            "Loggen er låst. Det du krysser av, svarer og ringer nå, lagres kryptert og legges til \
             saken når du "
            <a href=link("/saker/")>"låser opp"</a>
            "."
        </p>
    }
}
