//! Step 4: the presentation coach. On the deal page a short section says how far the plan
//! is and links to the coach (route `/deals/:id/presentation`): the method's eight-step
//! outline with the rep's notes per step, the main content's points with the three-to-five
//! check, and a rehearsal timer per step. The speaker sheet
//! (`/deals/:id/presentation/sheet`) prints the outline without the app's chrome.
//!
//! The coach has a page of its own: the deal page already holds eleven sections, and a
//! rehearsal wants the outline alone on the screen.

use super::common::{commit_quietly, committed, DealRoute};
use super::detail::{with_deal, DealSig};
use super::sections::FoldingSection;
use crate::domain::deal_sections::DealSection;
use crate::domain::ids::Id;
use crate::domain::presentation::{
    clock, main_content_check, MainPointDraft, OutlineStep, PointCount, PresentationPlan,
};
use crate::domain::training::GuidePage;
use crate::state::actions::deals;
use crate::state::data::{use_data, AppData};
use crate::state::toasts::{use_toasts, Toasts};
use crate::state::tr_fn;
use crate::state::{tc, tr, tw};
use crate::ui::fmt;
use crate::ui::form::{field_error_text, FormErrors, TextArea, TextField};
use crate::ui::link::href;
use crate::ui::why::WhyLink;
use leptos::prelude::*;
use leptos::task::spawn_local;

fn coach_href(id: Id) -> String {
    href(&format!("/deals/{id}/presentation"))
}

fn sheet_href(id: Id) -> String {
    href(&format!("/deals/{id}/presentation/sheet"))
}

/// "3 main points · last rehearsal 12:30" (or "not rehearsed yet").
fn plan_summary(p: &PresentationPlan) -> String {
    let rehearsed = if p.rehearsal.is_empty() {
        tr("presentation.summary.not_rehearsed")
    } else {
        tw(
            "presentation.summary.rehearsed",
            &[("time", &clock(p.total_seconds()))],
        )
    };
    tw(
        "presentation.summary",
        &[
            (
                "points",
                &tc("presentation.summary.points", p.main_points.len(), &[]),
            ),
            ("rehearsed", &rehearsed),
        ],
    )
}

/// The check of the main content's size, as a status line.
fn check_line(count: usize) -> impl IntoView {
    let c = main_content_check(count);
    let class = if c == PointCount::Ok {
        "notice notice-ok"
    } else {
        "notice notice-warning"
    };
    view! { <p class=class role="status">{tr(c.key())}</p> }
}

/// The deal page's section: how far the plan is, with links to the coach and the sheet.
#[component]
pub fn PresentationSection(deal: DealSig) -> impl IntoView {
    let id = move || with_deal(deal, None, |d| Some(d.id));
    let count = move || with_deal(deal, 0, |d| d.presentation.main_points.len());
    view! {
        <FoldingSection
            section=DealSection::Presentation
            summary=Signal::derive(move || with_deal(deal, String::new(), |d| plan_summary(&d.presentation)))
        >
            <p class="hint">{tr_fn("presentation.section.intro")}</p>
            {move || check_line(count())}
            <div class="actions">
                {move || {
                    id().map(|i| {
                        view! {
                            <a class="button primary" href=coach_href(i)>{tr("presentation.open")}</a>
                            <a class="button" href=sheet_href(i)>{tr("presentation.sheet.open")}</a>
                        }
                    })
                }}
            </div>
        </FoldingSection>
    }
}

/// The presentation coach of a deal (route `/deals/:id/presentation`).
#[component]
pub fn PresentationPage() -> impl IntoView {
    view! { <DealRoute title_key="presentation.page.heading" page=|id, deal| view! { <Coach id=id deal=deal/> }/> }
}

/// The rehearsal clock: which step is being timed since when (ms since the epoch), and
/// the time now, refreshed while a step is timed.
#[derive(Clone, Copy)]
struct Rehearsal {
    running: RwSignal<Option<(OutlineStep, f64)>>,
    now: RwSignal<f64>,
    deal_id: Id,
    data: AppData,
    toasts: Toasts,
}

impl Rehearsal {
    fn new(deal_id: Id) -> Self {
        let r = Rehearsal {
            running: RwSignal::new(None),
            now: RwSignal::new(js_sys::Date::now()),
            deal_id,
            data: use_data(),
            toasts: use_toasts(),
        };
        let handle = set_interval_with_handle(
            move || {
                if r.running.get_untracked().is_some() {
                    r.now.set(js_sys::Date::now());
                }
            },
            std::time::Duration::from_millis(250),
        )
        .ok();
        on_cleanup(move || {
            if let Some(h) = handle {
                h.clear();
            }
        });
        r
    }

    /// Seconds timed so far on `step` (`None` when it is not being timed).
    fn elapsed(self, step: OutlineStep) -> Option<u32> {
        let (s, since) = self.running.get().filter(|(s, _)| *s == step)?;
        debug_assert_eq!(s, step);
        Some(((self.now.get() - since).max(0.0) / 1000.0).round() as u32)
    }

    fn start(self, step: OutlineStep) {
        self.stop();
        let now = js_sys::Date::now();
        self.now.set(now);
        self.running.set(Some((step, now)));
    }

    /// Stops the clock and keeps the step's time on the deal.
    fn stop(self) {
        let Some((step, since)) = self.running.get_untracked() else {
            return;
        };
        self.running.set(None);
        let seconds = ((js_sys::Date::now() - since).max(0.0) / 1000.0).round() as u32;
        commit_quietly(
            self.toasts,
            deals::record_rehearsal(self.data, self.deal_id, step, seconds),
        );
    }
}

#[component]
fn Coach(id: Id, deal: DealSig) -> impl IntoView {
    let data = use_data();
    let toasts = use_toasts();
    let rehearsal = Rehearsal::new(id);
    let title = move || with_deal(deal, String::new(), |d| d.title.clone());
    let total = move || with_deal(deal, 0, |d| d.presentation.total_seconds());
    let rehearsed = move || with_deal(deal, false, |d| !d.presentation.rehearsal.is_empty());
    let clear = move |_| {
        rehearsal.running.set(None);
        commit_quietly(toasts, deals::clear_rehearsal(data, id));
    };
    view! {
        <article class="page presentation-coach">
            <header class="deal-head">
                <p class="crumbs">
                    <a href=href(&format!("/deals/{id}"))>{move || tw("presentation.page.back", &[("deal", &title())])}</a>
                </p>
                <h1>{move || tw("presentation.page.title", &[("deal", &title())])}</h1>
                <WhyLink page=GuidePage::PresentationOutline/>
                <p class="hint">{tr_fn("presentation.page.intro")}</p>
                <div class="actions">
                    <a class="button" href=sheet_href(id)>{tr_fn("presentation.sheet.open")}</a>
                </div>
            </header>
            <section class="card rehearsal-total" aria-labelledby="rehearsal-heading">
                <h2 id="rehearsal-heading">{tr_fn("presentation.timer.title")}</h2>
                <p class="hint">{tr_fn("presentation.timer.intro")}</p>
                <p role="status">
                    {move || {
                        if rehearsed() {
                            tw("presentation.timer.total", &[("time", &clock(total()))])
                        } else {
                            tr("presentation.summary.not_rehearsed")
                        }
                    }}
                </p>
                <Show when=rehearsed>
                    <div class="actions">
                        <button type="button" on:click=clear>{tr_fn("presentation.timer.clear")}</button>
                    </div>
                </Show>
            </section>
            <ol class="plain-list outline">
                {OutlineStep::ALL
                    .iter()
                    .map(|s| view! { <OutlineStepCard step=*s deal=deal rehearsal=rehearsal/> })
                    .collect_view()}
            </ol>
        </article>
    }
}

/// One step of the outline: what it is for, the rep's notes, the timer and, for the main
/// content, its points.
#[component]
fn OutlineStepCard(step: OutlineStep, deal: DealSig, rehearsal: Rehearsal) -> impl IntoView {
    let data = use_data();
    let toasts = use_toasts();
    let code = step.code();
    let hid = format!("outline-{code}-heading");
    let hid2 = hid.clone();
    let notes_id = format!("outline-{code}-notes");
    let name = move || format!("{}. {}", step.number(), tr(step.key()));
    let notes = RwSignal::new(with_deal(deal, String::new(), |d| {
        d.presentation.notes_of(step).to_string()
    }));
    let error = RwSignal::new(None::<String>);
    let saved = RwSignal::new(false);
    let save = move |_| {
        let Some(id) = with_deal(deal, None, |d| Some(d.id)) else {
            return;
        };
        let commit = match deals::save_step_notes(data, id, step, &notes.get_untracked()) {
            Ok(c) => c,
            Err(e) => {
                error.set(Some(field_error_text(&e)));
                saved.set(false);
                return;
            }
        };
        error.set(None);
        let Some(commit) = commit else { return };
        spawn_local(async move {
            saved.set(committed(toasts, commit).await.is_some());
        });
    };
    let last = move || with_deal(deal, None, |d| d.presentation.seconds_of(step));
    let timing = move || rehearsal.elapsed(step);
    let running = Memo::new(move |_| {
        rehearsal
            .running
            .with(|r| r.is_some_and(|(s, _)| s == step))
    });
    view! {
        <li>
            <section class="card outline-step" aria-labelledby=hid2>
                <h2 id=hid>{name}</h2>
                <p class="hint">{tr_fn(step.hint_key())}</p>
                <div class="step-timer">
                    {move || match timing() {
                        Some(secs) => view! {
                            <span class="timer-running" role="timer">
                                {tw("presentation.timer.running", &[("time", &clock(secs))])}
                            </span>
                        }
                        .into_any(),
                        None => view! {
                            <span class="hint">
                                {match last() {
                                    Some(s) => tw("presentation.timer.last", &[("time", &clock(s))]),
                                    None => tr("presentation.timer.not_timed"),
                                }}
                            </span>
                        }
                        .into_any(),
                    }}
                    // One button that turns from Start to Stop, so focus stays on it.
                    <button
                        type="button"
                        class:primary=running
                        aria-label=move || {
                            let key = if running.get() { "presentation.timer.stop_for" } else { "presentation.timer.start_for" };
                            tw(key, &[("step", &tr(step.key()))])
                        }
                        on:click=move |_| if running.get_untracked() { rehearsal.stop() } else { rehearsal.start(step) }
                    >
                        {move || if running.get() { tr("presentation.timer.stop") } else { tr("presentation.timer.start") }}
                    </button>
                </div>
                <TextArea
                    id=notes_id
                    label=Signal::derive(move || tw("presentation.notes_for", &[("step", &tr(step.key()))]))
                    value=notes
                    error=Signal::derive(move || error.get())
                    rows=3
                />
                <div class="actions">
                    <button
                        type="button"
                        aria-label=move || tw("presentation.save_notes_for", &[("step", &tr(step.key()))])
                        on:click=save
                    >
                        {tr_fn("presentation.save_notes")}
                    </button>
                    <span class="hint" role="status">
                        {move || saved.get().then(|| tr("presentation.notes_saved"))}
                    </span>
                </div>
                {(step == OutlineStep::MainContent).then(|| view! { <MainPoints deal=deal/> })}
            </section>
        </li>
    }
}

/// The main content's points, the three-to-five check and the form adding a point.
#[component]
fn MainPoints(deal: DealSig) -> impl IntoView {
    let data = use_data();
    let toasts = use_toasts();
    let text = RwSignal::new(String::new());
    let data_text = RwSignal::new(String::new());
    let story = RwSignal::new(String::new());
    let errors = FormErrors::new();
    let id = move || with_deal(deal, None, |d| Some(d.id));
    let points = move || with_deal(deal, Vec::new(), |d| d.presentation.main_points.clone());
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(deal_id) = id() else { return };
        let draft = MainPointDraft {
            text: text.get_untracked(),
            data: data_text.get_untracked(),
            story: story.get_untracked(),
        };
        let save = match deals::add_main_point(data, deal_id, &draft) {
            Ok(s) => s,
            Err(errs) => {
                errors.show(&errs);
                return;
            }
        };
        errors.clear();
        let Some(save) = save else { return };
        spawn_local(async move {
            if committed(toasts, save).await.is_some() {
                text.set(String::new());
                data_text.set(String::new());
                story.set(String::new());
            }
        });
    };
    let remove = move |pid: Id| {
        if let Some(deal_id) = id() {
            commit_quietly(toasts, deals::remove_main_point(data, deal_id, pid));
        }
    };
    let shift = move |pid: Id, up: bool| {
        if let Some(deal_id) = id() {
            commit_quietly(toasts, deals::move_main_point(data, deal_id, pid, up));
        }
    };
    view! {
        <section class="main-points" aria-labelledby="main-points-heading">
            <h3 id="main-points-heading">{tr_fn("presentation.main.title")}</h3>
            {move || check_line(points().len())}
            {move || {
                let list = points();
                let last = list.len().saturating_sub(1);
                if list.is_empty() {
                    return view! { <p class="hint">{tr("presentation.main.none")}</p> }.into_any();
                }
                view! {
                    <ol class="main-point-list">
                        {list
                            .into_iter()
                            .enumerate()
                            .map(|(i, p)| {
                                let pid = p.id;
                                view! {
                                    <li class="main-point">
                                        <strong>{p.text.clone()}</strong>
                                        {(!p.data.is_empty()).then(|| view! {
                                            <p>{tw("presentation.main.data", &[("data", &p.data)])}</p>
                                        })}
                                        {(!p.story.is_empty()).then(|| view! {
                                            <p>{tw("presentation.main.story", &[("story", &p.story)])}</p>
                                        })}
                                        <div class="actions">
                                            <button
                                                type="button"
                                                class="small"
                                                disabled=i == 0
                                                aria-label=tw("presentation.main.up", &[("point", &p.text)])
                                                on:click=move |_| shift(pid, true)
                                            >
                                                {tr("presentation.main.up_short")}
                                            </button>
                                            <button
                                                type="button"
                                                class="small"
                                                disabled=i == last
                                                aria-label=tw("presentation.main.down", &[("point", &p.text)])
                                                on:click=move |_| shift(pid, false)
                                            >
                                                {tr("presentation.main.down_short")}
                                            </button>
                                            <button
                                                type="button"
                                                class="small"
                                                aria-label=tw("presentation.main.remove", &[("point", &p.text)])
                                                on:click=move |_| remove(pid)
                                            >
                                                {tr("deals_ui.remove")}
                                            </button>
                                        </div>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ol>
                }
                .into_any()
            }}
            <form class="form-grid subsection" on:submit=on_submit>
                <h4>{tr_fn("presentation.main.add_title")}</h4>
                <TextField
                    id="main-point-text"
                    label=Signal::derive(tr_fn("presentation.field.point"))
                    value=text
                    hint=Signal::derive(tr_fn("presentation.field.point_hint"))
                    error=errors.field("main_text")
                />
                <div class="form-cols">
                    <TextArea
                        id="main-point-data"
                        label=Signal::derive(tr_fn("presentation.field.data"))
                        value=data_text
                        hint=Signal::derive(tr_fn("presentation.field.data_hint"))
                        error=errors.field("main_data")
                        rows=2
                    />
                    <TextArea
                        id="main-point-story"
                        label=Signal::derive(tr_fn("presentation.field.story"))
                        value=story
                        hint=Signal::derive(tr_fn("presentation.field.story_hint"))
                        error=errors.field("main_story")
                        rows=2
                    />
                </div>
                <div class="actions">
                    <button type="submit" class="primary">{tr_fn("presentation.main.add")}</button>
                </div>
            </form>
        </section>
    }
}

/// The printable speaker sheet of a deal (route `/deals/:id/presentation/sheet`).
#[component]
pub fn SpeakerSheetPage() -> impl IntoView {
    view! { <DealRoute title_key="presentation.sheet.heading" page=|id, deal| view! { <Sheet id=id deal=deal/> }/> }
}

#[component]
fn Sheet(id: Id, deal: DealSig) -> impl IntoView {
    let print = move |_| {
        let _ = window().print();
    };
    view! {
        <article class="page speaker-sheet">
            <div class="actions no-print">
                <a class="button" href=coach_href(id)>{tr_fn("presentation.sheet.back")}</a>
                <button type="button" class="primary" on:click=print>{tr_fn("presentation.sheet.print")}</button>
            </div>
            {move || {
                with_deal(deal, None, |d| {
                    let p = d.presentation.clone();
                    let title = d.title.clone();
                    Some(view! {
                        <header class="plan-head">
                            <h1>{tw("presentation.sheet.title", &[("deal", &title)])}</h1>
                            <p class="hint">
                                {tw("presentation.sheet.prepared", &[("date", &fmt::date(fmt::today()))])}
                                " · "
                                {plan_summary(&p)}
                            </p>
                        </header>
                        <ol class="plain-list sheet-steps">
                            {OutlineStep::ALL
                                .iter()
                                .map(|s| {
                                    let s = *s;
                                    let hid = format!("sheet-{}", s.code());
                                    let hid2 = hid.clone();
                                    let notes = p.notes_of(s).to_string();
                                    let time = p.seconds_of(s);
                                    view! {
                                        <li>
                                            <section class="plan-section" aria-labelledby=hid2>
                                                <h2 id=hid>
                                                    {format!("{}. {}", s.number(), tr(s.key()))}
                                                    {time.map(|t| view! { <span class="sheet-time">{format!(" · {}", clock(t))}</span> })}
                                                </h2>
                                                <p class="hint">{tr(s.hint_key())}</p>
                                                {if notes.is_empty() {
                                                    view! { <p class="hint">{tr("presentation.sheet.no_notes")}</p> }.into_any()
                                                } else {
                                                    view! { <p class="sheet-notes">{notes}</p> }.into_any()
                                                }}
                                                {(s == OutlineStep::MainContent).then(|| view! {
                                                    <ol class="main-point-list">
                                                        {p.main_points.iter().map(|m| view! {
                                                            <li>
                                                                <strong>{m.text.clone()}</strong>
                                                                {(!m.data.is_empty()).then(|| view! {
                                                                    <p>{tw("presentation.main.data", &[("data", &m.data)])}</p>
                                                                })}
                                                                {(!m.story.is_empty()).then(|| view! {
                                                                    <p>{tw("presentation.main.story", &[("story", &m.story)])}</p>
                                                                })}
                                                            </li>
                                                        }).collect_view()}
                                                    </ol>
                                                })}
                                            </section>
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ol>
                    })
                })
            }}
        </article>
    }
}
