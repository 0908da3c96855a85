// @generated automatically by Diesel CLI.

pub mod sql_types {
    #[derive(diesel::query_builder::QueryId, Clone, diesel::sql_types::SqlType)]
    #[diesel(postgres_type(name = "tsvector", schema = "pg_catalog"))]
    pub struct Tsvector;
}

diesel::table! {
    action_point_owners (id) {
        id -> Int8,
        action_point_id -> Int8,
        user_id -> Nullable<Int8>,
        organization_id -> Nullable<Int8>,
        group_id -> Nullable<Int8>,
        role -> Nullable<Text>,
    }
}

diesel::table! {
    action_point_updates (id) {
        id -> Int8,
        action_point_id -> Int8,
        user_id -> Nullable<Int8>,
        meeting_id -> Nullable<Int8>,
        old_status -> Nullable<Text>,
        new_status -> Text,
        note -> Text,
        via -> Text,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use super::sql_types::Tsvector;

    action_points (id) {
        id -> Int8,
        group_id -> Int8,
        number -> Int4,
        meeting_id -> Nullable<Int8>,
        agenda_item_id -> Nullable<Int8>,
        topic -> Text,
        text -> Text,
        due_date -> Nullable<Date>,
        status -> Text,
        status_note -> Text,
        status_changed_at -> Nullable<Timestamptz>,
        restricted -> Bool,
        created_by -> Nullable<Int8>,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
        search -> Nullable<Tsvector>,
    }
}

diesel::table! {
    agenda_items (id) {
        id -> Int8,
        meeting_id -> Int8,
        parent_id -> Nullable<Int8>,
        position -> Int4,
        title -> Text,
        presenter -> Nullable<Text>,
        minutes_allotted -> Nullable<Int4>,
        reporting_group_id -> Nullable<Int8>,
        notes -> Text,
        decisions -> Text,
        version -> Int4,
        updated_at -> Timestamptz,
    }
}

diesel::table! {
    attendance (id) {
        id -> Int8,
        meeting_id -> Int8,
        user_id -> Nullable<Int8>,
        guest_name -> Nullable<Text>,
        guest_organization -> Nullable<Text>,
        organization_id -> Nullable<Int8>,
        status -> Text,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    audit_log (id) {
        id -> Int8,
        at -> Timestamptz,
        actor_id -> Nullable<Int8>,
        group_id -> Nullable<Int8>,
        action -> Text,
        object_type -> Text,
        object_id -> Nullable<Int8>,
        details -> Jsonb,
    }
}

diesel::table! {
    groups (id) {
        id -> Int8,
        parent_id -> Nullable<Int8>,
        name -> Text,
        short_name -> Text,
        kind -> Text,
        location -> Nullable<Text>,
        time_zone -> Text,
        description -> Text,
        meeting_reminder_days -> Int4,
        meeting_reminder_time -> Time,
        update_request_days -> Int4,
        action_due_days -> Int4,
        task_ending_days -> Int4,
        date_order -> Text,
        archived_at -> Nullable<Timestamptz>,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
        agenda_template -> Text,
        default_locale -> Text,
    }
}

diesel::table! {
    login_attempts (id) {
        id -> Int8,
        email -> Text,
        client_ip -> Text,
        succeeded -> Bool,
        at -> Timestamptz,
    }
}

diesel::table! {
    mail_opt_outs (user_id, kind) {
        user_id -> Int8,
        kind -> Text,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    meetings (id) {
        id -> Int8,
        group_id -> Int8,
        title -> Text,
        starts_at -> Timestamptz,
        duration_minutes -> Int4,
        location -> Nullable<Text>,
        online_url -> Nullable<Text>,
        chair_id -> Nullable<Int8>,
        note_taker_id -> Nullable<Int8>,
        status -> Text,
        current_agenda_item_id -> Nullable<Int8>,
        ics_sequence -> Int4,
        published_at -> Nullable<Timestamptz>,
        closed_at -> Nullable<Timestamptz>,
        cancelled_at -> Nullable<Timestamptz>,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
        series_id -> Nullable<Int8>,
    }
}

diesel::table! {
    meeting_series (id) {
        id -> Int8,
        group_id -> Int8,
        title -> Text,
        first_date -> Date,
        local_time -> Time,
        duration_minutes -> Int4,
        location -> Nullable<Text>,
        online_url -> Nullable<Text>,
        frequency -> Text,
        interval_weeks -> Nullable<Int4>,
        until_date -> Nullable<Date>,
        occurrences -> Nullable<Int4>,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    memberships (id) {
        id -> Int8,
        group_id -> Int8,
        user_id -> Int8,
        role -> Text,
        since -> Date,
        until -> Nullable<Date>,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    organizations (id) {
        id -> Int8,
        name -> Text,
        acronym -> Nullable<Text>,
        kind -> Text,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
    }
}

diesel::table! {
    outbox (id) {
        id -> Int8,
        kind -> Text,
        dedupe_key -> Text,
        user_id -> Nullable<Int8>,
        recipient -> Text,
        subject -> Text,
        body_text -> Text,
        body_html -> Nullable<Text>,
        ics -> Nullable<Text>,
        message_id -> Text,
        not_before -> Timestamptz,
        attempts -> Int4,
        next_attempt_at -> Timestamptz,
        locked_until -> Nullable<Timestamptz>,
        sent_at -> Nullable<Timestamptz>,
        dead_at -> Nullable<Timestamptz>,
        cancelled_at -> Nullable<Timestamptz>,
        last_error -> Nullable<Text>,
        created_at -> Timestamptz,
        meeting_id -> Nullable<Int8>,
        action_point_id -> Nullable<Int8>,
        task_id -> Nullable<Int8>,
        due_for -> Nullable<Timestamptz>,
        held_for_digest -> Bool,
        digest_id -> Nullable<Int8>,
        unsubscribe_url -> Nullable<Text>,
        claimed_by -> Nullable<Int4>,
    }
}

diesel::table! {
    sessions (key_hash) {
        key_hash -> Bytea,
        user_id -> Int8,
        csrf_token -> Text,
        created_at -> Timestamptz,
        last_seen_at -> Timestamptz,
        expires_at -> Timestamptz,
    }
}

diesel::table! {
    tokens (id) {
        id -> Int8,
        token_hash -> Bytea,
        purpose -> Text,
        user_id -> Int8,
        action_point_id -> Nullable<Int8>,
        label -> Nullable<Text>,
        created_at -> Timestamptz,
        expires_at -> Nullable<Timestamptz>,
        last_used_at -> Nullable<Timestamptz>,
        used_at -> Nullable<Timestamptz>,
        revoked_at -> Nullable<Timestamptz>,
        group_id -> Nullable<Int8>,
    }
}

diesel::table! {
    users (id) {
        id -> Int8,
        email -> Text,
        name -> Text,
        organization_id -> Nullable<Int8>,
        title -> Nullable<Text>,
        phone -> Nullable<Text>,
        locale -> Nullable<Text>,
        time_zone -> Text,
        password_hash -> Nullable<Text>,
        is_admin -> Bool,
        mail_delivery -> Text,
        deactivated_at -> Nullable<Timestamptz>,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
    }
}

diesel::table! {
    workplan_areas (id) {
        id -> Int8,
        group_id -> Int8,
        name -> Text,
        position -> Int4,
    }
}

diesel::table! {
    workplan_task_action_points (task_id, action_point_id) {
        task_id -> Int8,
        action_point_id -> Int8,
    }
}

diesel::table! {
    workplan_task_meetings (task_id, meeting_id) {
        task_id -> Int8,
        meeting_id -> Int8,
        area_id -> Int8,
        group_id -> Int8,
    }
}

diesel::table! {
    workplan_task_owners (id) {
        id -> Int8,
        task_id -> Int8,
        user_id -> Nullable<Int8>,
        organization_id -> Nullable<Int8>,
        group_id -> Nullable<Int8>,
        role -> Nullable<Text>,
        area_id -> Int8,
    }
}

diesel::table! {
    workplan_tasks (id) {
        id -> Int8,
        area_id -> Int8,
        position -> Int4,
        title -> Text,
        start_date -> Nullable<Date>,
        end_date -> Nullable<Date>,
        status -> Text,
        progress_note -> Text,
        comments -> Text,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
    }
}

diesel::joinable!(action_point_owners -> action_points (action_point_id));
diesel::joinable!(action_point_owners -> groups (group_id));
diesel::joinable!(action_point_owners -> organizations (organization_id));
diesel::joinable!(action_point_owners -> users (user_id));
diesel::joinable!(action_point_updates -> action_points (action_point_id));
diesel::joinable!(action_point_updates -> meetings (meeting_id));
diesel::joinable!(action_point_updates -> users (user_id));
diesel::joinable!(action_points -> groups (group_id));
diesel::joinable!(mail_opt_outs -> users (user_id));
diesel::joinable!(action_points -> users (created_by));
diesel::joinable!(agenda_items -> groups (reporting_group_id));
diesel::joinable!(attendance -> meetings (meeting_id));
diesel::joinable!(attendance -> organizations (organization_id));
diesel::joinable!(attendance -> users (user_id));
diesel::joinable!(audit_log -> groups (group_id));
diesel::joinable!(audit_log -> users (actor_id));
diesel::joinable!(meeting_series -> groups (group_id));
diesel::joinable!(meetings -> groups (group_id));
diesel::joinable!(meetings -> meeting_series (series_id));
diesel::joinable!(memberships -> groups (group_id));
diesel::joinable!(memberships -> users (user_id));
diesel::joinable!(outbox -> action_points (action_point_id));
diesel::joinable!(outbox -> meetings (meeting_id));
diesel::joinable!(outbox -> users (user_id));
diesel::joinable!(outbox -> workplan_tasks (task_id));
diesel::joinable!(sessions -> users (user_id));
diesel::joinable!(tokens -> action_points (action_point_id));
diesel::joinable!(tokens -> groups (group_id));
diesel::joinable!(tokens -> users (user_id));
diesel::joinable!(users -> organizations (organization_id));
diesel::joinable!(workplan_areas -> groups (group_id));
diesel::joinable!(workplan_task_action_points -> action_points (action_point_id));
diesel::joinable!(workplan_task_action_points -> workplan_tasks (task_id));
diesel::joinable!(workplan_task_meetings -> meetings (meeting_id));
diesel::joinable!(workplan_task_meetings -> workplan_tasks (task_id));
diesel::joinable!(workplan_task_owners -> groups (group_id));
diesel::joinable!(workplan_task_owners -> organizations (organization_id));
diesel::joinable!(workplan_task_owners -> users (user_id));
diesel::joinable!(workplan_task_owners -> workplan_tasks (task_id));
diesel::joinable!(workplan_tasks -> workplan_areas (area_id));

diesel::allow_tables_to_appear_in_same_query!(
    action_point_owners,
    action_point_updates,
    action_points,
    agenda_items,
    attendance,
    audit_log,
    groups,
    login_attempts,
    meeting_series,
    mail_opt_outs,
    meetings,
    memberships,
    organizations,
    outbox,
    sessions,
    tokens,
    users,
    workplan_areas,
    workplan_task_action_points,
    workplan_task_meetings,
    workplan_task_owners,
    workplan_tasks,
);
