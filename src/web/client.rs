//! Who a request comes from. The TCP peer, unless the peer is one of `TRUSTED_PROXIES`:
//! then the client it forwards for, from `Forwarded` (RFC 7239) or `X-Forwarded-For`, and
//! the scheme from `Forwarded`'s `proto` or `X-Forwarded-Proto`. From any other peer these
//! headers are ignored, since anyone can send them.

use std::net::{IpAddr, SocketAddr};

use actix_web::HttpRequest;
use actix_web::http::header::HeaderMap;
use actix_web::web;
use ipnet::IpNet;

use crate::web::AppState;

/// The client as far as it can be told.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Client {
    /// `None` only when the connection has no peer address (never over TCP).
    pub ip: Option<IpAddr>,
    /// `https` when a trusted proxy says so, otherwise `http`: the app itself speaks plain HTTP.
    pub scheme: &'static str,
}

/// The client of `req`, under the app's `TRUSTED_PROXIES`.
pub fn of(req: &HttpRequest) -> Client {
    let trusted = req
        .app_data::<web::Data<AppState>>()
        .map_or(&[][..], |state| &state.settings.trusted_proxies[..]);
    resolve(req.peer_addr().map(|peer| peer.ip()), req.headers(), trusted)
}

/// The client behind `peer`: the hops the headers list are walked from the nearest back,
/// as long as each is a trusted proxy; the first that is not (or the farthest) is the client.
pub fn resolve(peer: Option<IpAddr>, headers: &HeaderMap, trusted: &[IpNet]) -> Client {
    let is_trusted = |ip: &IpAddr| trusted.iter().any(|net| net.contains(ip));
    let mut client = Client {
        ip: peer,
        scheme: "http",
    };
    let Some(peer) = peer.filter(is_trusted) else {
        return client;
    };
    let hops = forwarded_hops(headers);
    let mut current = peer;
    for hop in hops.iter().rev() {
        match hop.ip {
            Some(ip) => {
                current = ip;
                if !is_trusted(&ip) {
                    break;
                }
            }
            // An obfuscated or unknown hop ("unknown", "_hidden"): nothing further can be known.
            None => break,
        }
    }
    client.ip = Some(current);
    // The nearest proxy's word for the scheme: a value further left may come from the client.
    let proto = match hops.iter().rev().find_map(|hop| hop.proto.clone()) {
        Some(proto) => Some(proto),
        None => header_values(headers, "x-forwarded-proto")
            .last()
            .map(|p| p.to_ascii_lowercase()),
    };
    if proto.as_deref() == Some("https") {
        client.scheme = "https";
    }
    client
}

/// One proxy hop as a forwarding header lists it.
struct Hop {
    ip: Option<IpAddr>,
    proto: Option<String>,
}

/// The hops of `Forwarded` when present, else of `X-Forwarded-For`, farthest first.
fn forwarded_hops(headers: &HeaderMap) -> Vec<Hop> {
    let forwarded = header_values(headers, "forwarded");
    if !forwarded.is_empty() {
        return forwarded
            .iter()
            .map(|element| {
                let mut hop = Hop { ip: None, proto: None };
                for pair in element.split(';') {
                    let Some((key, value)) = pair.split_once('=') else {
                        continue;
                    };
                    let value = value.trim().trim_matches('"');
                    match key.trim().to_ascii_lowercase().as_str() {
                        "for" => hop.ip = parse_node(value),
                        "proto" => hop.proto = Some(value.to_ascii_lowercase()),
                        _ => {}
                    }
                }
                hop
            })
            .collect();
    }
    header_values(headers, "x-forwarded-for")
        .iter()
        .map(|value| Hop {
            ip: parse_node(value),
            proto: None,
        })
        .collect()
}

/// Every comma-separated value of every instance of the header `name`, in order.
fn header_values(headers: &HeaderMap, name: &str) -> Vec<String> {
    headers
        .get_all(name)
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(','))
        .map(|value| value.trim().to_owned())
        .filter(|value| !value.is_empty())
        .collect()
}

/// `192.0.2.1`, `192.0.2.1:4711`, `[2001:db8::1]:4711` or `2001:db8::1`.
fn parse_node(value: &str) -> Option<IpAddr> {
    value
        .parse::<IpAddr>()
        .ok()
        .or_else(|| value.parse::<SocketAddr>().ok().map(|addr| addr.ip()))
        .or_else(|| value.strip_prefix('[')?.strip_suffix(']')?.parse().ok())
}

#[cfg(test)]
mod tests {
    use super::*;
    use actix_web::http::header::{HeaderName, HeaderValue};

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (name, value) in pairs {
            map.append(HeaderName::from_static(name), HeaderValue::from_static(value));
        }
        map
    }

    fn nets(list: &[&str]) -> Vec<IpNet> {
        list.iter().map(|n| n.parse().unwrap()).collect()
    }

    fn ip(s: &str) -> Option<IpAddr> {
        Some(s.parse().unwrap())
    }

    #[test]
    fn headers_from_an_untrusted_peer_change_nothing() {
        let forged = headers(&[
            ("x-forwarded-for", "203.0.113.9"),
            ("forwarded", "for=198.51.100.1;proto=https"),
            ("x-forwarded-proto", "https"),
        ]);
        for trusted in [vec![], nets(&["10.0.0.0/8"])] {
            let client = resolve(ip("192.0.2.50"), &forged, &trusted);
            assert_eq!(
                client,
                Client {
                    ip: ip("192.0.2.50"),
                    scheme: "http"
                }
            );
        }
    }

    #[test]
    fn a_trusted_proxy_names_the_client_and_scheme() {
        let trusted = nets(&["10.0.0.0/8"]);
        let via_nginx = headers(&[("x-forwarded-for", "203.0.113.9"), ("x-forwarded-proto", "https")]);
        assert_eq!(
            resolve(ip("10.0.0.2"), &via_nginx, &trusted),
            Client {
                ip: ip("203.0.113.9"),
                scheme: "https"
            }
        );
        let forwarded = headers(&[("forwarded", "for=\"[2001:db8:cafe::17]:4711\";proto=https")]);
        assert_eq!(
            resolve(ip("10.0.0.2"), &forwarded, &trusted),
            Client {
                ip: ip("2001:db8:cafe::17"),
                scheme: "https"
            }
        );
    }

    #[test]
    fn the_nearest_untrusted_hop_is_the_client_whatever_it_claims_before() {
        let trusted = nets(&["10.0.0.0/8"]);
        // The client sent "1.1.1.1" itself; the proxy appended the address it saw.
        let chain = headers(&[("x-forwarded-for", "1.1.1.1, 203.0.113.9, 10.0.0.3")]);
        assert_eq!(resolve(ip("10.0.0.2"), &chain, &trusted).ip, ip("203.0.113.9"));
        let split = headers(&[("x-forwarded-for", "1.1.1.1"), ("x-forwarded-for", "203.0.113.9:5000")]);
        assert_eq!(resolve(ip("10.0.0.2"), &split, &trusted).ip, ip("203.0.113.9"));
        // Only trusted hops: the farthest one.
        let internal = headers(&[("x-forwarded-for", "10.9.9.9, 10.0.0.3")]);
        assert_eq!(resolve(ip("10.0.0.2"), &internal, &trusted).ip, ip("10.9.9.9"));
        // An unknown hop ends the walk at the proxy that reported it.
        let hidden = headers(&[("forwarded", "for=203.0.113.9, for=unknown")]);
        assert_eq!(resolve(ip("10.0.0.2"), &hidden, &trusted).ip, ip("10.0.0.2"));
    }

    #[test]
    fn forwarded_wins_over_x_forwarded_for_and_no_header_leaves_the_peer() {
        let trusted = nets(&["127.0.0.1/32"]);
        let both = headers(&[("forwarded", "for=198.51.100.1"), ("x-forwarded-for", "203.0.113.9")]);
        assert_eq!(resolve(ip("127.0.0.1"), &both, &trusted).ip, ip("198.51.100.1"));
        assert_eq!(
            resolve(ip("127.0.0.1"), &HeaderMap::new(), &trusted),
            Client {
                ip: ip("127.0.0.1"),
                scheme: "http"
            }
        );
    }
}
