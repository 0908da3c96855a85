//! Trying again at something that is down (the database, the SMTP server, the private
//! cluster) with a capped exponential delay, and knowing when it went down and came back,
//! so that a loop logs one line at each change rather than one per try.

use std::time::Duration;

/// The state of one thing a loop depends on: up, or down since some tries.
#[derive(Debug, Clone)]
pub struct Backoff {
    first: Duration,
    cap: Duration,
    /// The last wait handed out, while down.
    delay: Option<Duration>,
}

impl Backoff {
    /// Up; after a failed try the wait is `first`, doubling after each further one up to `cap`.
    pub const fn new(first: Duration, cap: Duration) -> Self {
        Backoff {
            first,
            cap,
            delay: None,
        }
    }

    /// Records a failed try: returns the wait before the next one, and whether this try found
    /// it down after it was up (the moment to say so).
    pub fn failed(&mut self) -> (Duration, bool) {
        let went_down = self.delay.is_none();
        let delay = self.delay.map_or(self.first, |d| d.saturating_mul(2)).min(self.cap);
        self.delay = Some(delay);
        (delay, went_down)
    }

    /// Records a successful try: returns whether it was down until now (the moment to say it is back).
    pub fn succeeded(&mut self) -> bool {
        self.delay.take().is_some()
    }

    pub fn is_down(&self) -> bool {
        self.delay.is_some()
    }

    /// The longest wait between tries.
    pub fn cap(&self) -> Duration {
        self.cap
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn waits_double_up_to_the_cap_and_only_changes_are_reported() {
        let mut backoff = Backoff::new(Duration::from_millis(500), Duration::from_secs(5));
        assert!(!backoff.is_down() && !backoff.succeeded());
        let tries: Vec<_> = (0..7).map(|_| backoff.failed()).collect();
        let ms: Vec<_> = tries.iter().map(|(wait, _)| wait.as_millis()).collect();
        assert_eq!(ms, [500, 1000, 2000, 4000, 5000, 5000, 5000]);
        let reported: Vec<_> = tries.iter().map(|(_, down)| *down).collect();
        assert_eq!(reported, [true, false, false, false, false, false, false]);
        assert!(backoff.is_down());
        assert!(backoff.succeeded(), "back: said once");
        assert!(!backoff.succeeded() && !backoff.is_down());
        assert_eq!(
            backoff.failed(),
            (Duration::from_millis(500), true),
            "down again starts over"
        );
    }
}
