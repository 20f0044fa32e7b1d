"""Health check for Docker: GET /sehat/ on this container; exit 0 when the app and database answer.

Sends the first ALLOWED_HOSTS name as Host, so Django does not refuse the request."""

import os
import sys
import urllib.request


def main():
    hosts = [h.strip().lstrip(".") for h in os.environ.get("ALLOWED_HOSTS", "").split(",") if h.strip()]
    host = next((h for h in hosts if h != "*"), "localhost")
    port = os.environ.get("PORT", "8000")
    permintaan = urllib.request.Request(f"http://127.0.0.1:{port}/sehat/", headers={"Host": host})
    try:
        with urllib.request.urlopen(permintaan, timeout=4) as jawaban:
            return 0 if jawaban.status == 200 else 1
    except Exception as galat:  # noqa: BLE001 — any failure means unhealthy
        print(f"tidak sehat: {galat}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
