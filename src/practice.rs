//! What the guidance's components need to know of practice mode (øving):
//! the practice pages (`pages/practice.rs`, drawn by the calm program)
//! provide [`Practice`] around the real procedure, and its call buttons
//! (`components/call.rs`, `components/emergency.rs`) are then drawn by the
//! practice pages' function: they do not dial. The guidance program never
//! provides it, so none of practice's markup is in its first load.

use leptos::prelude::*;

/// A call button as the guidance would draw it, for practice to draw
/// instead (what it says is made there, so it costs the guidance nothing).
pub struct CallButton {
    /// Whom the call would reach.
    pub who: String,
    pub detail: String,
    pub number: String,
    /// The plan's role called, when the call would be logged in a real
    /// run (not the national numbers').
    pub role: Option<String>,
}

/// Provided (as context) by a practice run.
#[derive(Clone, Copy)]
pub struct Practice {
    /// Draws a call button that says whom it would call and the number.
    pub call: fn(CallButton) -> AnyView,
    /// The national numbers' buttons (`components/emergency.rs`), drawn so.
    pub emergency_calls: fn() -> AnyView,
}

impl Practice {
    /// The practice run around the component calling this, if any.
    pub fn here() -> Option<Practice> {
        use_context::<Practice>()
    }
}
