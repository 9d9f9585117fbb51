//! Follow-ups: what remains in a case and by when, on both bundled plans
//! and a third school's (`plans/fjord-skole.json`), whose urgencies are
//! worded differently.

mod common;

use rusplan_domain::case::{Case, CaseEdit, Status};
use rusplan_domain::follow_up::{
    count_due, count_recorded, due_key, follow_ups, has_due, DueMark, FollowUp, Timing, What,
    DUE_PREFIX,
};
use rusplan_domain::plan::Plan;
use rusplan_domain::routes;
use rusplan_domain::time::Date;

/// 2026-11-23 10:00 in Norway.
const T0: i64 = 1_795_424_400_000;

fn day(iso: &str) -> Date {
    Date::from_iso(iso).unwrap()
}

fn fjord() -> Plan {
    rusplan_domain::load_plan(include_str!("plans/fjord-skole.json")).unwrap()
}

fn new_case(plan: &str, situation: &str, answers: &[(&str, &str)]) -> Case {
    let mut case = Case::new("k1".into(), plan, T0);
    case.apply(CaseEdit::Situation(Some(situation.into())), T0);
    for (question, answer) in answers {
        let (question, answer) = (question.to_string(), answer.to_string());
        case.apply(CaseEdit::Answer { question, answer }, T0);
    }
    case
}

fn tick(case: &mut Case, step: &str, at: i64) {
    let step = step.into();
    case.apply(CaseEdit::Step { step, done: true }, at);
}

/// (step id or kind, urgency, due) of each item, for short assertions.
fn summary(items: &[FollowUp]) -> Vec<(String, Option<String>, Option<Date>)> {
    items
        .iter()
        .map(|f| {
            let what = match f.what {
                What::Step(s) => s.id.clone(),
                What::Meeting(Some(s)) => format!("møte:{}", s.id),
                What::Meeting(None) => "møte".into(),
                What::Agreements => "avtaler".into(),
                What::Question(q) => format!("spørsmål:{}", q.id),
            };
            (what, f.urgency.map(str::to_owned), f.due)
        })
        .collect()
}

fn item(
    what: &str,
    urgency: Option<&str>,
    due: Option<&str>,
) -> (String, Option<String>, Option<Date>) {
    (what.into(), urgency.map(str::to_owned), due.map(day))
}

#[test]
fn an_acute_case_lists_its_untaken_urgent_steps_in_the_plans_words() {
    let plan = common::plan("halden-vgs");
    let today = day("2026-11-23");
    let mut case = new_case("halden-vgs", "alternativ-3", &[("alder", "under-18")]);
    let items = follow_ups(&plan, &case, today);
    assert_eq!(
        summary(&items),
        [
            item("ut-av-undervisningen", Some("umiddelbart"), None),
            item("møte:mote", Some("raskt"), None),
        ]
    );
    assert_eq!(
        items[0].text(),
        "Eleven tas umiddelbart ut av undervisningen"
    );
    assert!(items[1]
        .text()
        .starts_with("Kontaktlærer kaller raskt inn til et møte"));
    assert!(items
        .iter()
        .all(|f| f.timing(today) == Timing::Undated && f.is_due(today)));
    assert!(has_due(&plan, &case, today));

    tick(&mut case, "ut-av-undervisningen", T0);
    tick(&mut case, "mote", T0);
    assert!(follow_ups(&plan, &case, today).is_empty());
    assert!(!has_due(&plan, &case, today));
}

#[test]
fn the_meeting_date_entered_is_the_only_date_and_it_falls_due_on_its_day() {
    let plan = common::plan("halden-vgs");
    let mut case = new_case("halden-vgs", "alternativ-3", &[("alder", "over-18")]);
    tick(&mut case, "ut-av-undervisningen", T0);
    case.apply(CaseEdit::MeetingDate("2026-11-30".into()), T0);
    let items = follow_ups(&plan, &case, day("2026-11-24"));
    assert_eq!(
        summary(&items),
        [item("møte:mote", Some("raskt"), Some("2026-11-30"))]
    );
    let on = |iso: &str| (items[0].timing(day(iso)), has_due(&plan, &case, day(iso)));
    assert_eq!(
        on("2026-11-29"),
        (Timing::Later, false),
        "a date ahead is not due"
    );
    assert_eq!(on("2026-11-30"), (Timing::Today, true));
    assert_eq!(on("2026-12-01"), (Timing::Overdue, true));

    // Ticked when the meeting was called: it still shows until its day.
    tick(&mut case, "mote", T0);
    assert_eq!(follow_ups(&plan, &case, day("2026-11-30")).len(), 1);
    assert!(follow_ups(&plan, &case, day("2026-12-01")).is_empty());
}

#[test]
fn an_unfinished_route_says_which_question_it_waits_on_and_agreements_show() {
    let plan = common::plan("halden-vgs");
    let today = day("2026-11-23");
    let mut case = new_case("halden-vgs", "alternativ-3", &[]);
    case.apply(CaseEdit::FollowUp("Samtale igjen fredag.".into()), T0);
    let items = follow_ups(&plan, &case, today);
    assert_eq!(
        summary(&items),
        [
            item("ut-av-undervisningen", Some("umiddelbart"), None),
            item("spørsmål:alder", None, None),
            item("avtaler", None, None),
        ]
    );
    assert_eq!(items[1].text(), "Er eleven under 18 år?");
    // Listed, but with neither a date nor an urgency: not counted as due.
    assert!(!items[1].is_due(today) && !items[2].is_due(today));
}

#[test]
fn a_meeting_date_without_a_situation_is_listed_until_its_day_has_passed() {
    let plan = common::plan("kjentmann-brosjyre");
    let mut case = Case::new("k2".into(), "kjentmann-brosjyre", T0);
    case.apply(CaseEdit::MeetingDate("2026-11-25".into()), T0);
    let items = follow_ups(&plan, &case, day("2026-11-25"));
    assert_eq!(summary(&items), [item("møte", None, Some("2026-11-25"))]);
    assert_eq!(items[0].text(), "Møte");
    assert!(follow_ups(&plan, &case, day("2026-11-26")).is_empty());
    // A date the input could not have given is no date.
    case.apply(CaseEdit::MeetingDate("2026-02-30".into()), T0);
    assert!(follow_ups(&plan, &case, day("2026-01-01")).is_empty());
}

#[test]
fn an_urgency_in_words_is_never_turned_into_a_date() {
    let plan = common::plan("kjentmann-brosjyre");
    let today = day("2026-11-23");
    let case = new_case(
        "kjentmann-brosjyre",
        "alternativ-3",
        &[("alder", "under-18")],
    );
    let items = follow_ups(&plan, &case, today);
    assert_eq!(
        summary(&items),
        [
            item("ut-av-undervisningen", Some("umiddelbart"), None),
            item(
                "møte:oppfolgingssamtale",
                Some("første skoledag eleven er tilbake"),
                None
            ),
        ]
    );
    // A meeting step the plan gives no urgency is listed, not due.
    let case = new_case(
        "kjentmann-brosjyre",
        "alternativ-2",
        &[("samtale", "innrommer")],
    );
    let items = follow_ups(&plan, &case, today);
    assert_eq!(summary(&items), [item("møte:mote", None, None)]);
    assert!(!has_due(&plan, &case, today));
}

#[test]
fn a_third_schools_plan_gets_its_own_urgencies() {
    let plan = fjord();
    let today = day("2026-11-23");
    let mut case = new_case("fjord-skole", "funn", &[("myndig", "nei")]);
    assert_eq!(
        summary(&follow_ups(&plan, &case, today)),
        [
            item("sikre", Some("straks"), None),
            item("rektor", Some("samme dag"), None),
            item("møte:samtale", Some("innen en uke"), None),
        ]
    );
    tick(&mut case, "sikre", T0);
    tick(&mut case, "rektor", T0);
    case.apply(CaseEdit::MeetingDate("2026-11-27".into()), T0);
    assert_eq!(
        summary(&follow_ups(&plan, &case, today)),
        [item(
            "møte:samtale",
            Some("innen en uke"),
            Some("2026-11-27")
        )]
    );
    assert!(!has_due(&plan, &case, today));
}

/// On every route of every plan, a fresh case lists exactly the route's
/// steps that carry an urgency or a meeting, with the plan's text and
/// urgency and no date; ticking them all leaves nothing.
#[test]
fn every_route_lists_its_urgent_steps_and_nothing_once_they_are_ticked() {
    let today = day("2026-11-23");
    let mut plans: Vec<Plan> = common::BUNDLED.iter().map(|id| common::plan(id)).collect();
    plans.push(fjord());
    for plan in &plans {
        for situation in &plan.situations {
            for facts in routes(plan, &situation.id).unwrap() {
                let mut case = Case::new("k".into(), &plan.id, T0);
                case.situation = Some(situation.id.clone());
                case.facts = facts.clone();
                let guidance = rusplan_domain::route(plan, &situation.id, &facts).unwrap();
                let expected: Vec<_> = guidance
                    .steps
                    .iter()
                    .map(|s| s.step)
                    .filter(|s| s.urgency.is_some() || s.meeting.is_some())
                    .collect();
                let items = follow_ups(plan, &case, today);
                let context = format!("{} {} {facts:?}", plan.id, situation.id);
                assert_eq!(items.len(), expected.len(), "{context}");
                for (item, step) in items.iter().zip(&expected) {
                    assert_eq!(item.text(), step.text, "{context}");
                    assert_eq!(item.urgency, step.urgency.as_deref(), "{context}");
                    assert_eq!(item.due, None, "{context}");
                }
                for step in &expected {
                    tick(&mut case, &step.id, T0);
                }
                assert!(follow_ups(plan, &case, today).is_empty(), "{context}");
            }
        }
    }
}

#[test]
fn the_home_screen_counts_cases_with_something_due() {
    let halden = common::plan("halden-vgs");
    let fjord = fjord();
    let today = day("2026-11-23");
    let urgent = new_case("halden-vgs", "alternativ-3", &[("alder", "under-18")]);
    let mut later = new_case("fjord-skole", "funn", &[("myndig", "ja")]);
    tick(&mut later, "sikre", T0);
    tick(&mut later, "rektor", T0);
    later.apply(CaseEdit::MeetingDate("2026-11-27".into()), T0);
    let mut overdue = later.clone();
    overdue.apply(CaseEdit::MeetingDate("2026-11-20".into()), T0);
    let mut closed = urgent.clone();
    closed.apply(CaseEdit::Status(Status::Closed), T0);
    let mut transferred = urgent.clone();
    transferred.apply(CaseEdit::Status(Status::Transferred), T0);
    let mut unknown_plan = Case::new("k9".into(), "ikke-i-bygget", T0);
    unknown_plan.apply(CaseEdit::MeetingDate("2026-11-23".into()), T0);
    let cases = [urgent, later, overdue, closed, transferred, unknown_plan];
    let plan_for = |id: &str| [&halden, &fjord].into_iter().find(|p| p.id == id);
    // urgent, overdue, transferred (still on the device), unknown_plan.
    assert_eq!(count_due(&cases, plan_for, today), 4);
    assert_eq!(count_due(&cases, plan_for, day("2026-11-27")), 4);
    assert_eq!(count_due(&cases[1..2], plan_for, day("2026-11-27")), 1);
    assert_eq!(count_due(&cases[5..], plan_for, day("2026-11-24")), 0);
}

/// The record kept beside a sealed case answers as the case does, on
/// every day: every route of every plan, with no meeting date, one ahead,
/// one passed, the meeting ticked or not, and closed.
#[test]
fn a_due_mark_says_on_every_day_what_the_case_says() {
    let mut plans: Vec<Plan> = common::BUNDLED.iter().map(|id| common::plan(id)).collect();
    plans.push(fjord());
    let days: Vec<Date> = std::iter::successors(Some(day("2026-11-15")), |d| Some(d.next()))
        .take(20)
        .collect();
    let mut marked = 0;
    for plan in &plans {
        for situation in &plan.situations {
            for facts in routes(plan, &situation.id).unwrap() {
                let mut case = Case::new("k".into(), &plan.id, T0);
                case.situation = Some(situation.id.clone());
                case.facts = facts.clone();
                let guidance = rusplan_domain::route(plan, &situation.id, &facts).unwrap();
                let meeting = guidance.steps.iter().find(|s| s.step.meeting.is_some());
                let mut variants = vec![case.clone()];
                for date in ["", "2026-11-20", "2026-11-27"] {
                    let mut dated = case.clone();
                    dated.apply(CaseEdit::MeetingDate(date.into()), T0);
                    variants.push(dated.clone());
                    // Every urgent step ticked: only the date is left.
                    for step in guidance.steps.iter().map(|s| s.step) {
                        tick(&mut dated, &step.id, T0);
                    }
                    variants.push(dated.clone());
                    if let Some(meeting) = meeting {
                        let step = meeting.step.id.clone();
                        dated.apply(CaseEdit::Step { step, done: false }, T0);
                        variants.push(dated.clone());
                    }
                    dated.apply(CaseEdit::Status(Status::Closed), T0);
                    variants.push(dated);
                }
                for case in &variants {
                    let context = format!(
                        "{} {} {facts:?} {:?}",
                        plan.id, situation.id, case.meeting.date
                    );
                    let mark = DueMark::of(Some(plan), case);
                    marked += mark.is_some() as usize;
                    // What is written is what is read back.
                    if let Some(mark) = mark {
                        assert_eq!(DueMark::decode(&mark.encode()), Some(mark), "{context}");
                    }
                    for &today in &days {
                        assert_eq!(
                            mark.is_some_and(|m| m.is_due(today)),
                            has_due(plan, case, today),
                            "{context} {today:?}"
                        );
                    }
                }
            }
        }
    }
    // Not vacuous: many cases had something due.
    assert!(marked > 50, "{marked}");
}

#[test]
fn a_due_mark_holds_a_date_and_three_answers_and_nothing_of_the_case() {
    let halden = common::plan("halden-vgs");
    let mut case = new_case("halden-vgs", "alternativ-3", &[("alder", "under-18")]);
    case.apply(CaseEdit::PupilRef("ON".into()), T0);
    // Urgent steps not taken: due on every day.
    assert_eq!(DueMark::of(Some(&halden), &case), Some(DueMark::Always));
    assert_eq!(DueMark::Always.encode(), "*");
    tick(&mut case, "ut-av-undervisningen", T0);
    case.apply(CaseEdit::MeetingDate("2026-11-27".into()), T0);
    let mark = DueMark::of(Some(&halden), &case).unwrap();
    // The meeting step is not ticked: due from its day on.
    assert_eq!(mark.encode(), "2026-11-27:011");
    // A case that continues one the tab could not read has no record of
    // its own: it would speak for part of a case.
    let mut continuation = case.clone();
    continuation.continues = Some("k0".into());
    assert_eq!(DueMark::of(Some(&halden), &continuation), None);
    // A plan not in this build: due on the meeting day only.
    let mut unknown = Case::new("k9".into(), "ikke-i-bygget", T0);
    assert_eq!(DueMark::of(None, &unknown), None);
    unknown.apply(CaseEdit::MeetingDate("2026-11-27".into()), T0);
    assert_eq!(
        DueMark::of(None, &unknown).unwrap().encode(),
        "2026-11-27:010"
    );
    for damaged in [
        "",
        "**",
        "2026-11-27",
        "2026-11-27:01",
        "2026-11-27:0110",
        "2026-11-27:012",
        "2026-13-01:011",
        "27.11.2026:011",
        "2026-11-27;011",
        "{\"due\":1}",
    ] {
        assert_eq!(DueMark::decode(damaged), None, "{damaged:?}");
    }
}

#[test]
fn the_home_screen_counts_records_of_stored_cases_only_and_ignores_damage() {
    let today = day("2026-11-23");
    let entries = [
        ("rusplan.case.a", "sealed"),
        ("rusplan.due.a", "*"),
        ("rusplan.case.b", "sealed"),
        ("rusplan.due.b", "2026-11-27:011"),
        ("rusplan.case.c", "sealed"),
        ("rusplan.due.c", "2026-11-20:011"),
        ("rusplan.case.d", "sealed"),
        ("rusplan.due.d", "ødelagt"),
        // A record whose case was deleted (or a wipe cut short).
        ("rusplan.due.e", "*"),
        ("rusplan.case.f", "sealed"),
        ("rusplan.chosen-plan", "\"halden-vgs\""),
    ];
    let keys: Vec<String> = entries.iter().map(|(k, _)| k.to_string()).collect();
    let read = |key: &str| {
        entries
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, v)| v.to_string())
    };
    assert_eq!(count_recorded(&keys, read, today), 2);
    assert_eq!(count_recorded(&keys, read, day("2026-11-27")), 3);
    // A record that cannot be read back counts for nothing.
    assert_eq!(count_recorded(&keys, |_| None, today), 0);
    assert_eq!(due_key("rusplan.case.a").as_deref(), Some("rusplan.due.a"));
    assert_eq!(due_key("rusplan.chosen-plan"), None);
    assert!(DUE_PREFIX.starts_with("rusplan.") && !DUE_PREFIX.starts_with("rusplan.case."));
}
