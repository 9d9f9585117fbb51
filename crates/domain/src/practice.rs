//! Which situations have been practised on this device, per plan: so the
//! practice page can say what is left to try. No pupil data, no times.

use crate::json::{self, Value};
use crate::plan::{Plan, Situation};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PracticeLog {
    pub plan_id: String,
    pub situations: BTreeSet<String>,
}

impl PracticeLog {
    pub fn new(plan_id: &str) -> Self {
        PracticeLog {
            plan_id: plan_id.to_owned(),
            situations: BTreeSet::new(),
        }
    }

    /// The storage key: one log per plan, outside the cases' prefix (a
    /// practice run is never a case).
    pub fn key(plan_id: &str) -> String {
        format!("rusplan.practice.{plan_id}")
    }

    pub fn practised(&mut self, situation: &str) {
        self.situations.insert(situation.to_owned());
    }

    /// The plan's situations practised, in home-screen order (an id the
    /// plan no longer has is left out).
    pub fn done<'p>(&self, plan: &'p Plan) -> Vec<&'p Situation> {
        plan.situations_by_urgency()
            .into_iter()
            .filter(|s| self.situations.contains(&s.id))
            .collect()
    }

    /// The plan's situations not yet practised, in home-screen order.
    pub fn not_yet<'p>(&self, plan: &'p Plan) -> Vec<&'p Situation> {
        plan.situations_by_urgency()
            .into_iter()
            .filter(|s| !self.situations.contains(&s.id))
            .collect()
    }

    /// JSON in the shape serde derives (`tests/self_check.rs` holds it to it).
    pub fn encode(&self) -> String {
        Value::Object(vec![
            ("plan_id".into(), self.plan_id.as_str().into()),
            (
                "situations".into(),
                Value::Array(self.situations.iter().map(|s| s.as_str().into()).collect()),
            ),
        ])
        .to_text()
    }

    pub fn decode(text: &str) -> Result<PracticeLog, String> {
        let value = json::parse(text)?;
        let plan_id = value.get("plan_id").and_then(Value::as_str);
        let list = value.get("situations").and_then(Value::as_array);
        let (Some(plan_id), Some(list)) = (plan_id, list) else {
            return Err("ikke en øvingslogg".to_owned());
        };
        let mut log = PracticeLog::new(plan_id);
        for situation in list {
            log.practised(situation.as_str().ok_or("«situations» har feil type")?);
        }
        Ok(log)
    }
}
