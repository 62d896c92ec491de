"""The contact page's map links: plain URLs to OpenStreetMap and Google Maps, built from the
coordinates when the page has them, else from an address. No map is embedded (no third-party
script or frame on the portal's pages)."""

from dataclasses import dataclass
from decimal import Decimal
from urllib.parse import quote, urlencode

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class MapLink:
    label: str
    url: str


def _coordinate(value: Decimal | float) -> str:
    return format(Decimal(str(value)).normalize(), "f")


def map_links(latitude=None, longitude=None, address: str = "") -> list[MapLink]:
    """Links that open the place on a map: by coordinates (both given), else by the address
    searched; none when there is neither."""
    if latitude is not None and longitude is not None:
        lat, lon = _coordinate(latitude), _coordinate(longitude)
        osm = f"https://www.openstreetmap.org/?{urlencode({'mlat': lat, 'mlon': lon})}#map=17/{lat}/{lon}"
        google = f"https://www.google.com/maps/search/?api=1&query={lat}%2C{lon}"
    elif address.strip():
        query = quote(" ".join(address.split()), safe="")
        osm = f"https://www.openstreetmap.org/search?query={query}"
        google = f"https://www.google.com/maps/search/?api=1&query={query}"
    else:
        return []
    return [
        MapLink(str(_("Xem trên bản đồ OpenStreetMap")), osm),
        MapLink(str(_("Xem trên Google Maps")), google),
    ]
