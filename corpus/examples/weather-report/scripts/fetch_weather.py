#!/usr/bin/env python3
"""Fetch a 3-day forecast for a city from Open-Meteo and print it as JSON."""

import argparse
import json
import os

import requests

GEOCODE = "https://geocoding-api.open-meteo.com/v1/search"
FORECAST = "https://api.open-meteo.com/v1/forecast"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--city", required=True)
    args = parser.parse_args()
    key = os.environ.get("WEATHER_API_KEY")  # optional: raises the rate limit
    place = requests.get(GEOCODE, params={"name": args.city, "count": 1}, timeout=10).json()["results"][0]
    params = {"latitude": place["latitude"], "longitude": place["longitude"], "forecast_days": 3,
              "daily": "temperature_2m_max,temperature_2m_min,precipitation_sum"}
    if key:
        params["apikey"] = key
    print(json.dumps(requests.get(FORECAST, params=params, timeout=10).json(), indent=2))


if __name__ == "__main__":
    main()
