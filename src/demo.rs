//! Demo data: the CPiE Working Group in Lebanon and its meeting of 11 June 2014 at
//! UNHCR Lea, Beirut, with the meeting of 14 May before it whose action points
//! it reviewed, its sub-groups, workplan, and an upcoming meeting; and a French-speaking
//! field group in Mali, with a closed meeting, its action points and an upcoming one.
//!
//! Loading is idempotent: everything is found by its natural key before it is
//! created, in one transaction under an advisory lock.

use std::collections::HashMap;

use chrono::{DateTime, Days, NaiveDate, TimeZone, Utc};
use chrono_tz::Africa::Bamako;
use chrono_tz::Asia::Beirut;
use chrono_tz::Tz;
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};

use crate::domain::{
    ActionStatus, AttendanceStatus, GroupKind, MeetingStatus, OrganizationKind, OwnerRole, Role, TaskStatus, UpdateVia,
    passwords,
};
use crate::models::action_points::{NewActionPoint, StatusChange, change_status};
use crate::models::groups::NewGroup;
use crate::models::meetings::{self, NewAgendaItem, NewAttendance, NewMeeting};
use crate::models::memberships::NewMembership;
use crate::models::organizations::NewOrganization;
use crate::models::owners::{self, Owner, OwnerTable};
use crate::models::users::{self, NewUser};
use crate::models::workplan::{NewArea, NewTask};

/// The demo accounts that can log in, printed at start-up.
pub const LOGINS: &[(&str, &str, &str)] = &[
    ("admin", "admin@example.org", "demo-admin-password"),
    ("coordinator", "coordinator@example.org", "demo-coordinator"),
    ("member", "member@example.org", "demo-member"),
    ("subgroup", "maya.khalil@example.org", "demo-subgroup"),
    ("francophone", "aminata.traore@example.org", "demo-francophone"),
    ("arabic", "samira.khatib@example.org", "demo-arabic"),
];

/// The people who chose a language for themselves: person key, language.
const CHOSEN_LANGUAGES: &[(&str, &str)] = &[("francophone", "fr"), ("arabic", "ar")];

pub const WORKING_GROUP: &str = "CPiE WG";
const LOCATION: &str = "UNHCR Lea, Beirut";
const MEETING_TITLE: &str = "CPiE Working Group meeting";

const ORGANIZATIONS: &[(&str, &str, OrganizationKind)] = &[
    (
        "UNHCR",
        "Office of the United Nations High Commissioner for Refugees",
        OrganizationKind::UnAgency,
    ),
    ("UNICEF", "United Nations Children's Fund", OrganizationKind::UnAgency),
    (
        "UNRWA",
        "United Nations Relief and Works Agency for Palestine Refugees",
        OrganizationKind::UnAgency,
    ),
    ("MoSA", "Ministry of Social Affairs", OrganizationKind::Government),
    ("SCI", "Save the Children International", OrganizationKind::Ingo),
    ("IRC", "International Rescue Committee", OrganizationKind::Ingo),
    ("Tdh", "Terre des hommes", OrganizationKind::Ingo),
    ("KAFA", "KAFA (enough) Violence & Exploitation", OrganizationKind::Nngo),
    (
        "ABAAD",
        "ABAAD Resource Center for Gender Equality",
        OrganizationKind::Nngo,
    ),
    ("Himaya", "Himaya", OrganizationKind::Nngo),
];

/// Key, name, email, organisation, title.
const PEOPLE: &[(&str, &str, &str, &str, &str)] = &[
    (
        "admin",
        "Site Administrator",
        "admin@example.org",
        "UNICEF",
        "convene administrator",
    ),
    (
        "coordinator",
        "Nadia Haddad",
        "coordinator@example.org",
        "UNICEF",
        "CPiE Working Group Coordinator",
    ),
    (
        "member",
        "Omar Farah",
        "member@example.org",
        "IRC",
        "Child Protection Manager",
    ),
    (
        "co_chair",
        "Karim Mansour",
        "karim.mansour@example.org",
        "SCI",
        "Child Protection Advisor",
    ),
    (
        "im",
        "Hala Nasser",
        "hala.nasser@example.org",
        "UNHCR",
        "Information Management Officer",
    ),
    (
        "cm",
        "Maya Khalil",
        "maya.khalil@example.org",
        "Tdh",
        "Case Management Specialist",
    ),
    ("pss", "Rana Aoun", "rana.aoun@example.org", "ABAAD", "PSS Coordinator"),
    (
        "observer",
        "Joseph Karam",
        "joseph.karam@example.org",
        "MoSA",
        "Social Development Centres",
    ),
    (
        "tripoli",
        "Ziad Omar",
        "ziad.omar@example.org",
        "UNHCR",
        "Field Coordinator, Tripoli",
    ),
    (
        "akkar",
        "Layla Hamdan",
        "layla.hamdan@example.org",
        "UNICEF",
        "Field Coordinator, Akkar",
    ),
    (
        "francophone",
        "Aminata Traoré",
        "aminata.traore@example.org",
        "UNICEF",
        "Chargée de protection de l’enfance",
    ),
    (
        "arabic",
        "Samira Khatib",
        "samira.khatib@example.org",
        "KAFA",
        "مسؤولة إدارة الحالات",
    ),
    (
        "mopti_im",
        "Ibrahim Maïga",
        "ibrahim.maiga@example.org",
        "SCI",
        "Chargé de la gestion de l’information",
    ),
    (
        "mopti_cm",
        "Fatoumata Diarra",
        "fatoumata.diarra@example.org",
        "Tdh",
        "Spécialiste de la gestion de cas",
    ),
];

/// The people who live in Mopti rather than Beirut: person key.
const IN_MOPTI: &[&str] = &["mopti_im", "mopti_cm"];

/// Key, name, short name, kind, location.
const SUBGROUPS: &[(&str, &str, &str, GroupKind, Option<&str>)] = &[
    (
        "cm",
        "Case Management Technical Working Group",
        "CM TWG",
        GroupKind::SubGroup,
        None,
    ),
    (
        "pss",
        "Psychosocial Support Task Force",
        "PSS TF",
        GroupKind::TaskForce,
        None,
    ),
    (
        "advocacy",
        "Advocacy Task Force",
        "Advocacy TF",
        GroupKind::TaskForce,
        None,
    ),
    ("assessment", "Assessment", "Assessment", GroupKind::SubGroup, None),
    (
        "mainstreaming",
        "Mainstreaming",
        "Mainstreaming",
        GroupKind::SubGroup,
        None,
    ),
    (
        "tripoli",
        "Tripoli",
        "Tripoli",
        GroupKind::FieldGroup,
        Some("Tripoli, North Lebanon"),
    ),
    ("akkar", "Akkar", "Akkar", GroupKind::FieldGroup, Some("Halba, Akkar")),
];

/// Group key (`wg` for the working group), person key, role.
const MEMBERSHIPS: &[(&str, &str, Role)] = &[
    ("wg", "coordinator", Role::Coordinator),
    ("wg", "co_chair", Role::CoChair),
    ("wg", "im", Role::ImOfficer),
    ("wg", "member", Role::Member),
    ("wg", "cm", Role::Member),
    ("wg", "pss", Role::Member),
    ("wg", "tripoli", Role::Member),
    ("wg", "akkar", Role::Member),
    ("wg", "observer", Role::Observer),
    ("wg", "francophone", Role::Member),
    ("wg", "arabic", Role::Member),
    ("cm", "cm", Role::Coordinator),
    ("cm", "member", Role::Member),
    ("pss", "pss", Role::Coordinator),
    ("advocacy", "co_chair", Role::Coordinator),
    ("assessment", "im", Role::Coordinator),
    ("mainstreaming", "cm", Role::Coordinator),
    ("tripoli", "tripoli", Role::Coordinator),
    ("akkar", "akkar", Role::Coordinator),
    ("mopti", "francophone", Role::Coordinator),
    ("mopti", "mopti_im", Role::ImOfficer),
    ("mopti", "mopti_cm", Role::Member),
    ("mopti", "arabic", Role::Member),
];

/// Where and how a group meets.
struct Venue {
    title: &'static str,
    location: &'static str,
    tz: Tz,
    /// The local hour its meetings start at.
    hour: u32,
}

const BEIRUT: Venue = Venue {
    title: MEETING_TITLE,
    location: LOCATION,
    tz: Beirut,
    hour: 14,
};

/// The francophone field group: a child protection sub-cluster in central Mali, whose
/// members who chose no language read it in French.
const MOPTI: Venue = Venue {
    title: "Réunion mensuelle du sous-cluster Protection de l'enfance",
    location: "Bureau UNICEF, Mopti",
    tz: Bamako,
    hour: 10,
};

/// An agenda item with what the minutes say under it.
struct Item {
    title: &'static str,
    reporting: Option<&'static str>,
    notes: &'static str,
    decisions: &'static str,
    children: &'static [Item],
}

const fn item(title: &'static str) -> Item {
    Item {
        title,
        reporting: None,
        notes: "",
        decisions: "",
        children: &[],
    }
}

const fn parent(title: &'static str, children: &'static [Item]) -> Item {
    Item {
        children,
        ..item(title)
    }
}

const fn noted(title: &'static str, notes: &'static str) -> Item {
    Item { notes, ..item(title) }
}

const fn report(title: &'static str, group: &'static str, notes: &'static str) -> Item {
    Item {
        reporting: Some(group),
        notes,
        ..item(title)
    }
}

const MAY_AGENDA: &[Item] = &[
    item("Review action points"),
    item("Updates"),
    item("Core Group"),
    item("Activity Info"),
    item("Presentation: Introducing CP MS"),
    item("RRP6 Mid-Year Review"),
    item("Presentation: Introduction to MRM and CAAC programming in Lebanon"),
    item("AOB"),
];

const JUNE_AGENDA: &[Item] = &[
    noted(
        "Review action points",
        "The group went through the action points of 14 May; see the review table.",
    ),
    parent(
        "Updates",
        &[
            noted(
                "Field",
                "Tripoli and Akkar report rising numbers of unaccompanied children at registration.",
            ),
            parent(
                "Sub-groups",
                &[
                    report(
                        "CM TWG",
                        "cm",
                        "Draft SOPs for case management circulated for comments.",
                    ),
                    report("PSS TF", "pss", "Mapping of PSS activities updated for May."),
                    report(
                        "Advocacy TF",
                        "advocacy",
                        "Key messages on child labour drafted.\n\n**ASK:** share all key message resources by 20 June 2014.",
                    ),
                    report(
                        "Assessment",
                        "assessment",
                        "Secondary data review under way.\n\n**ASK:** share data by 20 June 2014: all data and information from July 2013 to the present.",
                    ),
                    report(
                        "Mainstreaming",
                        "mainstreaming",
                        "Checklist for other sectors to be piloted with Education.",
                    ),
                ],
            ),
            item("Other sectors"),
        ],
    ),
    noted(
        "Workplan",
        "Core Group tasks for May are completed; the three new groups are formed.",
    ),
    parent(
        "Activity Info",
        &[
            noted("May reporting", "18 partners reported for May."),
            item("Indicators: revised guidance"),
            Item {
                decisions: "Viewing access stays with partners that report; the data-sharing tool is adopted.",
                ..item("AI viewing access and data-sharing tool")
            },
        ],
    ),
    item("Introducing Case Management Practical Guidance"),
    item("CPMS Presentation: Standard 15: Case Management"),
    parent(
        "AOB",
        &[
            item("Dropbox"),
            item("ROVs"),
            item("INQAL"),
            item("Kafa trainings update"),
        ],
    ),
];

const UPCOMING_AGENDA: &[Item] = &[
    item("Review of action points"),
    parent("Updates", &[item("Field"), item("Sub-groups"), item("Other sectors")]),
    item("Workplan"),
    item("AOB"),
];

const MOPTI_AGENDA: &[Item] = &[
    noted(
        "Revue des points d'action",
        "Les points d'action de la réunion de mai sont revus un par un.",
    ),
    parent(
        "Mises à jour",
        &[
            noted(
                "Terrain",
                "Hausse des enfants non accompagnés signalés aux points d'entrée de Sévaré et de Konna.",
            ),
            item("Autres secteurs"),
        ],
    ),
    Item {
        decisions: "Le circuit de référencement révisé est adopté ; il sera partagé avec les partenaires de Djenné.",
        ..noted(
            "Gestion de cas : circuit de référencement",
            "Présentation du circuit révisé par Terre des hommes.",
        )
    },
    item("Divers"),
];

const MOPTI_UPCOMING_AGENDA: &[Item] = &[
    item("Revue des points d'action"),
    parent("Mises à jour", &[item("Terrain"), item("Autres secteurs")]),
    item("Plan de travail"),
    item("Divers"),
];

/// An action point raised at a meeting under one of its agenda items: owners by role
/// and people by key, and the note it was marked done with, if it was.
struct Raised {
    topic: &'static str,
    agenda_item: &'static str,
    text: &'static str,
    owners: &'static [OwnerRole],
    people: &'static [&'static str],
    due: (i32, u32, u32),
    done: Option<&'static str>,
}

const MOPTI_ACTION_POINTS: &[Raised] = &[
    Raised {
        topic: "Gestion de cas",
        agenda_item: "Gestion de cas : circuit de référencement",
        text: "Partager le circuit de référencement révisé avec les partenaires de Djenné.",
        owners: &[],
        people: &["mopti_cm"],
        due: (2014, 6, 20),
        done: Some("Partagé par courriel le 18 juin"),
    },
    Raised {
        topic: "Mises à jour",
        agenda_item: "Terrain",
        text: "Compiler les signalements d'enfants non accompagnés de Sévaré et de Konna pour le rapport mensuel.",
        owners: &[OwnerRole::ImOfficer],
        people: &[],
        due: (2014, 6, 27),
        done: None,
    },
    Raised {
        topic: "Mises à jour",
        agenda_item: "Autres secteurs",
        text: "Coordinatrice à inviter le cluster Éducation à présenter les espaces d'apprentissage temporaires.",
        owners: &[OwnerRole::Coordinator],
        people: &[],
        due: (2014, 7, 3),
        done: None,
    },
    Raised {
        topic: "Divers",
        agenda_item: "Divers",
        text: "Membres à proposer des points focaux pour la formation sur les standards minimums.",
        owners: &[OwnerRole::Member],
        people: &["arabic"],
        due: (2014, 6, 30),
        done: None,
    },
];

/// An action point raised on 14 May, and what was said of it on 11 June.
struct Reviewed {
    topic: &'static str,
    text: &'static str,
    owners: &'static [OwnerRole],
    status: ActionStatus,
    note: &'static str,
}

const MAY_ACTION_POINTS: &[Reviewed] = &[
    Reviewed {
        topic: "Updates",
        text: "Coordinator to share logo with group members and field coordinators.",
        owners: &[OwnerRole::Coordinator],
        status: ActionStatus::Done,
        note: "Shared with coordinators",
    },
    Reviewed {
        topic: "Updates",
        text: "Coordinator to share update from Cash WG; guidance documents on child protection and cash; and to call meeting.",
        owners: &[OwnerRole::Coordinator],
        status: ActionStatus::InProgress,
        note: "Not done yet – proposed meeting w Cash WG",
    },
    Reviewed {
        topic: "Core Group",
        text: "Coordinator to send email to establish group membership and structure.",
        owners: &[OwnerRole::Coordinator],
        status: ActionStatus::Done,
        note: "Completed; all three new groups formed",
    },
    Reviewed {
        topic: "Activity Info",
        text: "IM to add 'high-risk cases' and 'cases closed' disaggregations to Activity Info.",
        owners: &[OwnerRole::ImOfficer],
        status: ActionStatus::InProgress,
        note: "To be added for July",
    },
    Reviewed {
        topic: "Activity Info",
        text: "Members to consider access rights internally and decide at next meeting.",
        owners: &[OwnerRole::Member],
        status: ActionStatus::InProgress,
        note: "Agenda item for 11 June",
    },
    Reviewed {
        topic: "Presentation: Introducing CP MS",
        text: "Coordinator to circulate the CPMS presentation and the Arabic version of the standards.",
        owners: &[OwnerRole::Coordinator],
        status: ActionStatus::Done,
        note: "Shared by email on 16 May",
    },
    Reviewed {
        topic: "RRP6 Mid-Year Review",
        text: "Members to review needs narrative and provide comments by end of day.",
        owners: &[OwnerRole::Member],
        status: ActionStatus::Done,
        note: "Submitted",
    },
    Reviewed {
        topic: "Presentation: Introduction to MRM and CAAC programming in Lebanon",
        text: "Members to nominate focal points for the MRM information session.",
        owners: &[OwnerRole::Member],
        status: ActionStatus::InProgress,
        note: "Under way",
    },
];

const JUNE_ACTION_POINTS: &[Raised] = &[
    Raised {
        topic: "Updates",
        agenda_item: "Assessment",
        text: "Share all data and information from July 2013-present",
        owners: &[OwnerRole::Member],
        people: &[],
        due: (2014, 6, 20),
        done: None,
    },
    Raised {
        topic: "Updates",
        agenda_item: "Advocacy TF",
        text: "Share all key message resources",
        owners: &[OwnerRole::Member],
        people: &[],
        due: (2014, 6, 20),
        done: None,
    },
    Raised {
        topic: "Activity Info",
        agenda_item: "Indicators: revised guidance",
        text: "IM to circulate the revised indicator guidance to all reporting partners.",
        owners: &[OwnerRole::ImOfficer],
        people: &[],
        due: (2014, 6, 18),
        done: None,
    },
];

/// A workplan task and the sub-groups responsible for it.
struct Planned {
    title: &'static str,
    responsible: &'static [&'static str],
    comments: &'static str,
}

const WORKPLAN: &[(&str, &[Planned])] = &[
    (
        "Core Group",
        &[Planned {
            title: "Establish Core Group",
            responsible: &["cm", "pss", "advocacy"],
            comments: "All three new groups formed",
        }],
    ),
    (
        "Monitoring, Reporting and Assessment",
        &[Planned {
            title: "Establish Core Group",
            responsible: &["assessment"],
            comments: "",
        }],
    ),
    (
        "Policy and Implementation",
        &[Planned {
            title: "Establish Core Group",
            responsible: &["mainstreaming"],
            comments: "",
        }],
    ),
];

fn local(tz: Tz, y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
    tz.with_ymd_and_hms(y, m, d, h, min, 0)
        .single()
        .expect("demo times are unambiguous")
        .with_timezone(&Utc)
}

fn beirut(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
    local(Beirut, y, m, d, h, min)
}

fn date((y, m, d): (i32, u32, u32)) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("demo dates are valid")
}

type Conn = AsyncPgConnection;

/// Loads the demo unless it is there already; `now` places the upcoming meeting.
pub async fn load(conn: &mut Conn, now: DateTime<Utc>) -> anyhow::Result<()> {
    conn.transaction::<_, anyhow::Error, _>(async |conn| {
        // Two instances starting at once load it once.
        diesel::sql_query("SELECT pg_advisory_xact_lock(7263606100)")
            .execute(conn)
            .await?;
        let orgs = load_organizations(conn).await?;
        let people = load_people(conn, &orgs).await?;
        let groups = load_groups(conn).await?;
        for (group, person, role) in MEMBERSHIPS {
            NewMembership {
                group_id: groups[group],
                user_id: people[person],
                role: *role,
                since: date((2014, 1, 1)),
                until: None,
            }
            .insert_if_missing(conn)
            .await?;
        }
        let wg = groups["wg"];
        if meetings::find_at(conn, wg, beirut(2014, 5, 14, 14, 0)).await?.is_none() {
            load_history(conn, &groups, &people, &orgs).await?;
        }
        load_workplan(conn, &groups).await?;
        if !meetings::has_upcoming(conn, wg, now).await? {
            let (chair, note_taker) = (people["coordinator"], people["im"]);
            load_upcoming(conn, wg, &BEIRUT, (chair, note_taker), UPCOMING_AGENDA, &groups, now).await?;
        }
        let mopti = groups["mopti"];
        if meetings::find_at(conn, mopti, local(Bamako, 2014, 6, 5, 10, 0))
            .await?
            .is_none()
        {
            load_mopti_history(conn, &groups, &people).await?;
        }
        if !meetings::has_upcoming(conn, mopti, now).await? {
            let (chair, note_taker) = (people["francophone"], people["mopti_im"]);
            load_upcoming(
                conn,
                mopti,
                &MOPTI,
                (chair, note_taker),
                MOPTI_UPCOMING_AGENDA,
                &groups,
                now,
            )
            .await?;
        }
        Ok(())
    })
    .await
}

async fn load_organizations(conn: &mut Conn) -> anyhow::Result<HashMap<&'static str, i64>> {
    let mut ids = HashMap::new();
    for (acronym, name, kind) in ORGANIZATIONS {
        let id = NewOrganization {
            name,
            acronym: Some(acronym),
            kind: *kind,
        }
        .find_or_create(conn)
        .await?;
        ids.insert(*acronym, id);
    }
    Ok(ids)
}

async fn load_people(conn: &mut Conn, orgs: &HashMap<&str, i64>) -> anyhow::Result<HashMap<&'static str, i64>> {
    let mut ids = HashMap::new();
    for (key, name, email, org, title) in PEOPLE {
        let id = match users::find_id_by_email(conn, email).await? {
            Some(id) => id,
            None => {
                // Only the accounts with a printed login get a password; the rest are invited.
                let password_hash = LOGINS
                    .iter()
                    .find(|(_, login, _)| login == email)
                    .map(|(_, _, password)| passwords::hash(password));
                NewUser {
                    email,
                    name,
                    organization_id: Some(orgs[org]),
                    title: Some(title),
                    locale: CHOSEN_LANGUAGES
                        .iter()
                        .find(|(person, _)| person == key)
                        .map(|(_, locale)| *locale),
                    time_zone: if IN_MOPTI.contains(key) {
                        Bamako.name()
                    } else {
                        Beirut.name()
                    },
                    password_hash,
                    is_admin: *key == "admin",
                }
                .find_or_create(conn)
                .await?
            }
        };
        ids.insert(*key, id);
    }
    Ok(ids)
}

async fn load_groups(conn: &mut Conn) -> anyhow::Result<HashMap<&'static str, i64>> {
    let wg = NewGroup {
        parent_id: None,
        name: "Child Protection in Emergencies Working Group",
        short_name: WORKING_GROUP,
        kind: GroupKind::WorkingGroup,
        location: Some("Beirut, Lebanon"),
        time_zone: "Asia/Beirut",
        description: "Coordinates the child protection response for refugees and host communities in Lebanon.",
        default_locale: None,
    }
    .find_or_create(conn)
    .await?;
    let mopti = NewGroup {
        parent_id: None,
        name: "Sous-cluster Protection de l'enfance – Mopti",
        short_name: "SC PE Mopti",
        kind: GroupKind::WorkingGroup,
        location: Some("Mopti, Mali"),
        time_zone: Bamako.name(),
        description: "Coordonne la protection de l'enfance dans les cercles de Mopti, Djenné et Bandiagara.",
        default_locale: Some("fr"),
    }
    .find_or_create(conn)
    .await?;
    let mut ids = HashMap::from([("wg", wg), ("mopti", mopti)]);
    for (key, name, short_name, kind, location) in SUBGROUPS {
        let id = NewGroup {
            parent_id: Some(wg),
            name,
            short_name,
            kind: *kind,
            location: *location,
            time_zone: "Asia/Beirut",
            description: "",
            default_locale: None,
        }
        .find_or_create(conn)
        .await?;
        ids.insert(*key, id);
    }
    Ok(ids)
}

/// Inserts an agenda tree; returns the ids of its items by title.
async fn insert_agenda(
    conn: &mut Conn,
    meeting_id: i64,
    items: &[Item],
    groups: &HashMap<&str, i64>,
) -> anyhow::Result<HashMap<&'static str, i64>> {
    let mut ids = HashMap::new();
    // Depth-first with an explicit stack: (parent id, siblings).
    let mut pending: Vec<(Option<i64>, &[Item])> = vec![(None, items)];
    while let Some((parent_id, siblings)) = pending.pop() {
        for (position, item) in siblings.iter().enumerate() {
            let id = NewAgendaItem {
                meeting_id,
                parent_id,
                position: i32::try_from(position)?,
                title: item.title,
                presenter: None,
                reporting_group_id: item.reporting.map(|key| groups[key]),
                notes: item.notes,
                decisions: item.decisions,
            }
            .insert(conn)
            .await?;
            ids.insert(item.title, id);
            if !item.children.is_empty() {
                pending.push((Some(id), item.children));
            }
        }
    }
    Ok(ids)
}

fn meeting(
    group_id: i64,
    venue: &Venue,
    starts_at: DateTime<Utc>,
    status: MeetingStatus,
    chair: i64,
    note_taker: i64,
) -> NewMeeting<'static> {
    NewMeeting {
        group_id,
        title: venue.title,
        starts_at,
        duration_minutes: 120,
        location: Some(venue.location),
        online_url: None,
        chair_id: Some(chair),
        note_taker_id: Some(note_taker),
        status,
        published_at: Some(starts_at - Days::new(7)),
        closed_at: (status == MeetingStatus::Closed).then(|| starts_at + chrono::Duration::hours(3)),
    }
}

/// The meetings of 14 May and 11 June 2014, their action points and the review.
async fn load_history(
    conn: &mut Conn,
    groups: &HashMap<&str, i64>,
    people: &HashMap<&str, i64>,
    orgs: &HashMap<&str, i64>,
) -> anyhow::Result<()> {
    let wg = groups["wg"];
    let may_start = beirut(2014, 5, 14, 14, 0);
    let may = meeting(
        wg,
        &BEIRUT,
        may_start,
        MeetingStatus::Closed,
        people["coordinator"],
        people["im"],
    )
    .insert(conn)
    .await?;
    let may_items = insert_agenda(conn, may, MAY_AGENDA, groups).await?;
    let june_start = beirut(2014, 6, 11, 14, 0);
    let june = meeting(
        wg,
        &BEIRUT,
        june_start,
        MeetingStatus::Closed,
        people["coordinator"],
        people["im"],
    )
    .insert(conn)
    .await?;
    let june_items = insert_agenda(conn, june, JUNE_AGENDA, groups).await?;

    for (index, reviewed) in MAY_ACTION_POINTS.iter().enumerate() {
        let owners: Vec<Owner> = reviewed.owners.iter().map(|r| Owner::Role(*r)).collect();
        let minute = u32::try_from(index)?;
        let id = NewActionPoint {
            group_id: wg,
            meeting_id: Some(may),
            agenda_item_id: may_items.get(reviewed.topic).copied(),
            topic: reviewed.topic,
            text: reviewed.text,
            due_date: None,
            restricted: false,
            created_by: Some(people["coordinator"]),
            created_at: beirut(2014, 5, 14, 15, minute),
            owners: &owners,
            via: UpdateVia::Meeting,
        }
        .insert(conn)
        .await?;
        let change = StatusChange {
            status: reviewed.status,
            note: reviewed.note,
            user_id: Some(people["coordinator"]),
            meeting_id: Some(june),
            via: UpdateVia::Meeting,
            at: beirut(2014, 6, 11, 14, 10 + minute),
        };
        change_status(conn, id, &change).await?;
    }

    let raised_at = beirut(2014, 6, 11, 15, 0);
    let at_june = (june, &june_items, people["coordinator"], raised_at);
    insert_raised(conn, wg, at_june, JUNE_ACTION_POINTS, people).await?;
    store_reviews(conn, &[may, june]).await?;

    for (person, status) in [
        ("coordinator", AttendanceStatus::Present),
        ("co_chair", AttendanceStatus::Present),
        ("im", AttendanceStatus::Present),
        ("member", AttendanceStatus::Present),
        ("cm", AttendanceStatus::Present),
        ("pss", AttendanceStatus::Present),
        ("tripoli", AttendanceStatus::Apologies),
        ("observer", AttendanceStatus::Apologies),
    ] {
        NewAttendance {
            meeting_id: june,
            user_id: Some(people[person]),
            guest_name: None,
            guest_organization: None,
            organization_id: None,
            status,
        }
        .insert(conn)
        .await?;
    }
    for (guest, org) in [
        ("Representative of UNRWA", "UNRWA"),
        ("Representative of KAFA", "KAFA"),
        ("Representative of Himaya", "Himaya"),
    ] {
        NewAttendance {
            meeting_id: june,
            user_id: None,
            guest_name: Some(guest),
            guest_organization: None,
            organization_id: Some(orgs[org]),
            status: AttendanceStatus::Present,
        }
        .insert(conn)
        .await?;
    }
    Ok(())
}

/// Closed as closing a meeting leaves it: with its review stored.
async fn store_reviews(conn: &mut Conn, closed: &[i64]) -> anyhow::Result<()> {
    for id in closed {
        let meeting = crate::models::meetings::find(conn, *id).await?;
        crate::models::reviews::store(conn, &meeting).await?;
    }
    Ok(())
}

/// The action points raised at a meeting (its id, agenda item ids by title, who took
/// them down and when), a minute apart; those marked done a week later.
async fn insert_raised(
    conn: &mut Conn,
    group_id: i64,
    (meeting_id, agenda, recorder, at): (i64, &HashMap<&str, i64>, i64, DateTime<Utc>),
    raised: &[Raised],
    people: &HashMap<&str, i64>,
) -> anyhow::Result<()> {
    for (index, point) in raised.iter().enumerate() {
        let owners: Vec<Owner> = point
            .owners
            .iter()
            .map(|r| Owner::Role(*r))
            .chain(point.people.iter().map(|key| Owner::User(people[key])))
            .collect();
        let id = NewActionPoint {
            group_id,
            meeting_id: Some(meeting_id),
            agenda_item_id: agenda.get(point.agenda_item).copied(),
            topic: point.topic,
            text: point.text,
            due_date: Some(date(point.due)),
            restricted: false,
            created_by: Some(recorder),
            created_at: at + chrono::Duration::minutes(i64::try_from(index)?),
            owners: &owners,
            via: UpdateVia::Meeting,
        }
        .insert(conn)
        .await?;
        if let Some(note) = point.done {
            let change = StatusChange {
                status: ActionStatus::Done,
                note,
                user_id: Some(recorder),
                meeting_id: None,
                via: UpdateVia::Web,
                at: at + Days::new(7),
            };
            change_status(conn, id, &change).await?;
        }
    }
    Ok(())
}

/// The Mopti group's meeting of 5 June 2014, closed, with its action points.
async fn load_mopti_history(
    conn: &mut Conn,
    groups: &HashMap<&str, i64>,
    people: &HashMap<&str, i64>,
) -> anyhow::Result<()> {
    let mopti = groups["mopti"];
    let starts_at = local(Bamako, 2014, 6, 5, 10, 0);
    let coordinator = people["francophone"];
    let june = meeting(
        mopti,
        &MOPTI,
        starts_at,
        MeetingStatus::Closed,
        coordinator,
        people["mopti_im"],
    )
    .insert(conn)
    .await?;
    let items = insert_agenda(conn, june, MOPTI_AGENDA, groups).await?;
    let raised_at = local(Bamako, 2014, 6, 5, 11, 30);
    insert_raised(
        conn,
        mopti,
        (june, &items, coordinator, raised_at),
        MOPTI_ACTION_POINTS,
        people,
    )
    .await?;
    store_reviews(conn, &[june]).await?;
    for (person, status) in [
        ("francophone", AttendanceStatus::Present),
        ("mopti_im", AttendanceStatus::Present),
        ("mopti_cm", AttendanceStatus::Present),
        ("arabic", AttendanceStatus::Apologies),
    ] {
        NewAttendance {
            meeting_id: june,
            user_id: Some(people[person]),
            guest_name: None,
            guest_organization: None,
            organization_id: None,
            status,
        }
        .insert(conn)
        .await?;
    }
    Ok(())
}

async fn load_workplan(conn: &mut Conn, groups: &HashMap<&str, i64>) -> anyhow::Result<()> {
    for (area_position, (area, tasks)) in WORKPLAN.iter().enumerate() {
        let area_id = NewArea {
            group_id: groups["wg"],
            name: area,
            position: i32::try_from(area_position)?,
        }
        .find_or_create(conn)
        .await?;
        for (task_position, planned) in tasks.iter().enumerate() {
            let task = NewTask {
                area_id,
                position: i32::try_from(task_position)?,
                title: planned.title,
                start_date: Some(date((2014, 5, 1))),
                end_date: Some(date((2014, 5, 31))),
                status: TaskStatus::Completed,
                comments: planned.comments,
            }
            .insert_if_missing(conn)
            .await?;
            if let Some(task_id) = task {
                for key in planned.responsible {
                    owners::add(conn, OwnerTable::WorkplanTasks, task_id, Owner::Group(groups[key])).await?;
                }
            }
        }
    }
    Ok(())
}

/// A published meeting of the group two weeks from `now`, at the venue's hour in its
/// zone, chaired and minuted by the two people given.
async fn load_upcoming(
    conn: &mut Conn,
    group_id: i64,
    venue: &Venue,
    (chair, note_taker): (i64, i64),
    agenda: &[Item],
    groups: &HashMap<&str, i64>,
    now: DateTime<Utc>,
) -> anyhow::Result<()> {
    let day = now.with_timezone(&venue.tz).date_naive() + Days::new(14);
    let starts_at = venue
        .tz
        .from_local_datetime(&day.and_hms_opt(venue.hour, 0, 0).expect("the venue's hour is valid"))
        .earliest()
        .ok_or_else(|| anyhow::anyhow!("{}:00 does not exist in {} on {day}", venue.hour, venue.tz.name()))?
        .with_timezone(&Utc);
    let mut upcoming = meeting(group_id, venue, starts_at, MeetingStatus::Scheduled, chair, note_taker);
    upcoming.published_at = Some(now);
    let id = upcoming.insert(conn).await?;
    insert_agenda(conn, id, agenda, groups).await?;
    Ok(())
}
