"""The security headers' settings: the Content-Security-Policy and the Permissions-Policy."""

from __future__ import annotations

from typing import Any


def content_security_policy(*, https: bool) -> dict[str, Any]:
    """No inline script or style anywhere, and nothing from another host."""
    return {
        "DIRECTIVES": {
            "default-src": ["'none'"],
            "script-src": ["'self'"],
            "style-src": ["'self'"],
            "img-src": ["'self'", "data:"],  # Bootstrap draws select arrows and checkmarks as data: SVG
            "font-src": ["'self'"],
            "connect-src": ["'self'"],
            "form-action": ["'self'"],
            "manifest-src": ["'self'"],
            "base-uri": ["'none'"],
            "object-src": ["'none'"],
            "frame-ancestors": ["'none'"],
            # Over plain http (development) it would send the browser to an https that isn't there.
            "upgrade-insecure-requests": https,
        }
    }


# The browser features a course page never needs, switched off for the page and anything it could embed.
PERMISSIONS_OFF: dict[str, list[str]] = {
    feature: []
    for feature in (
        "accelerometer", "ambient-light-sensor", "autoplay", "bluetooth", "browsing-topics", "camera",
        "display-capture", "geolocation", "gyroscope", "hid", "interest-cohort", "magnetometer", "microphone",
        "midi", "payment", "publickey-credentials-get", "screen-wake-lock", "serial", "usb", "xr-spatial-tracking",
    )
}  # fmt: skip
