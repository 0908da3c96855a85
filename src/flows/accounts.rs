//! Account flows that touch several tables at once: one-time password links and
//! setting a password through them.

use chrono::{DateTime, Utc};
use diesel_async::{AsyncConnection, AsyncPgConnection};
use url::Url;

use crate::i18n::Locale;
use crate::mail::{self, PasswordLink};
use crate::models::tokens::{self, Purpose};
use crate::models::users::User;
use crate::models::{outbox, sessions, users};

/// Issues a set-password link for `user` and queues the mail that carries it, in one
/// transaction; returns the link.
pub async fn send_password_link(
    conn: &mut AsyncPgConnection,
    base_url: &Url,
    user: &User,
    kind: PasswordLink,
    now: DateTime<Utc>,
) -> anyhow::Result<String> {
    conn.transaction::<_, anyhow::Error, _>(async |conn| {
        let secret = tokens::issue(conn, Purpose::SetPassword, user.id, now, tokens::SET_PASSWORD_VALIDITY).await?;
        let link = base_url.join(&format!("password/set/{secret}"))?.to_string();
        let locale = Locale::of(&users::language(conn, user.id).await?);
        let message = mail::password_link(
            &locale,
            kind,
            &user.name,
            &link,
            tokens::SET_PASSWORD_VALIDITY.num_days(),
        );
        let message = mail::in_language(message, &locale);
        let kind_name = match kind {
            PasswordLink::Invitation => "invitation",
            PasswordLink::Reset => "password_reset",
        };
        // Each link is its own mail: the key names the token, never the secret.
        let dedupe_key = format!("{kind_name}:{}:{}", user.id, &crate::domain::secrets::generate()[..16]);
        let domain = base_url.host_str().unwrap_or("localhost");
        outbox::enqueue(
            conn,
            kind_name,
            &dedupe_key,
            Some(user.id),
            &user.email,
            &message,
            domain,
        )
        .await?;
        Ok(link)
    })
    .await
}

/// Sets the password of the holder of a valid set-password link, spends the link and
/// ends every session of theirs; `None` when the link is unknown, used or expired.
pub async fn set_password_with_link(
    conn: &mut AsyncPgConnection,
    secret: &str,
    password_hash: &str,
    now: DateTime<Utc>,
) -> diesel::QueryResult<Option<i64>> {
    conn.transaction(async |conn| {
        let Some(user_id) = tokens::holder(conn, Purpose::SetPassword, secret, now).await? else {
            return Ok(None);
        };
        if !tokens::spend(conn, Purpose::SetPassword, secret, now).await? {
            return Ok(None);
        }
        users::set_password_hash(conn, user_id, password_hash).await?;
        sessions::delete_for_user(conn, user_id, None).await?;
        Ok(Some(user_id))
    })
    .await
}

/// Creates an account with no password yet and returns the link, also mailed, where
/// its owner chooses one. Refuses a malformed or taken email with a message saying so.
pub async fn add_user(
    conn: &mut AsyncPgConnection,
    base_url: &Url,
    email: &str,
    name: &str,
    is_admin: bool,
) -> anyhow::Result<String> {
    let (email, name) = (email.trim(), name.trim());
    let well_formed = email.split_once('@').is_some_and(|(local, domain)| {
        !local.is_empty() && domain.contains('.') && !email.contains(char::is_whitespace)
    });
    anyhow::ensure!(well_formed, "{email:?} is not an email address");
    anyhow::ensure!(!name.is_empty(), "the name is empty");
    anyhow::ensure!(
        users::find_id_by_email(conn, email).await?.is_none(),
        "an account with the email {email} exists already"
    );
    let id = users::NewUser {
        email,
        name,
        organization_id: None,
        title: None,
        locale: None,
        time_zone: "UTC",
        password_hash: None,
        is_admin,
    }
    .find_or_create(conn)
    .await?;
    let user = users::find(conn, id).await?;
    send_password_link(conn, base_url, &user, PasswordLink::Invitation, Utc::now()).await
}

/// Issues a personal API token for the account with `email`, labelled for its owner's
/// list; returns the secret, which is not kept and cannot be shown again.
pub async fn issue_api_token(conn: &mut AsyncPgConnection, email: &str, label: Option<&str>) -> anyhow::Result<String> {
    let label = crate::domain::validate::optional(label.unwrap_or(""), 100)
        .map_err(|id| anyhow::anyhow!("the label: {}", Locale::default().t(id)))?;
    let Some(user_id) = users::find_id_by_email(conn, email.trim()).await? else {
        anyhow::bail!("no account uses the email {}", email.trim());
    };
    Ok(tokens::issue_api(conn, user_id, label.as_deref(), Utc::now()).await?)
}
