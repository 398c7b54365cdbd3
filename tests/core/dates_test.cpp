// Tests for core/src/dates.cpp: day-first and ISO dates only, calendar checks.
#include <catch2/catch.hpp>

#include "hemis/dates.hpp"

using namespace hemis;

TEST_CASE("parse_date reads dd/mm/yyyy, d/m/yyyy, dd-mm-yyyy and ISO") {
    CHECK(parse_date("05/03/2003")->iso() == "2003-03-05");
    CHECK(parse_date("5/3/2003")->iso() == "2003-03-05");
    CHECK(parse_date("05-03-2003")->iso() == "2003-03-05");
    CHECK(parse_date("2003-03-05")->iso() == "2003-03-05");
}

TEST_CASE("parse_date never reads month first and checks the calendar") {
    CHECK_FALSE(parse_date("12/25/2000"));
    CHECK_FALSE(parse_date("31/02/2001"));
    CHECK(parse_date("29/02/2000"));
    CHECK_FALSE(parse_date("29/02/1900"));
    CHECK_FALSE(parse_date("05/03/03"));
    CHECK_FALSE(parse_date("05/03-2003"));
    CHECK_FALSE(parse_date(""));
    for (const char* odd : {"005/03/2003", "5/3/20031", "5/3/2003/", "/3/2003", "5//2003",
                            "5/3/", "5/3", "5", "5-3/2003", "a5/3/2003", "5/3/2003 ", "05/03/20a3"})
        CHECK_FALSE(parse_date(odd));
}

TEST_CASE("Date ordinals order and subtract") {
    CHECK(parse_date("01/03/2000")->ordinal() - parse_date("28/02/2000")->ordinal() == 2);
    CHECK(*parse_date("31/12/1999") < *parse_date("01/01/2000"));
}

TEST_CASE("is_iso_datetime accepts zones and rejects other shapes") {
    CHECK(is_iso_datetime("2026-09-15T08:00:00+07:00"));
    CHECK(is_iso_datetime("2026-09-15T08:00:00Z"));
    CHECK(is_iso_datetime("2026-09-15T08:00:00"));
    CHECK_FALSE(is_iso_datetime("2026-09-15 08:00:00"));
    CHECK_FALSE(is_iso_datetime("15/09/2026T08:00:00"));
    CHECK_FALSE(is_iso_datetime("2026-09-15T25:00:00"));
}

TEST_CASE("iso_datetime_seconds gives the instant, zones included") {
    CHECK(iso_datetime_seconds("1970-01-01T00:00:00Z") == 0);
    CHECK(iso_datetime_seconds("1970-01-02T00:00:01Z") == 86401);
    CHECK(iso_datetime_seconds("2026-09-15T08:00:00+07:00") ==
          iso_datetime_seconds("2026-09-15T01:00:00Z"));
    CHECK(iso_datetime_seconds("2026-09-15T08:00:00") ==
          iso_datetime_seconds("2026-09-15T01:00:00Z"));  // no zone: Vietnam time
    CHECK(iso_datetime_seconds("2026-09-14T20:00:00-05:00") ==
          iso_datetime_seconds("2026-09-15T01:00:00Z"));
    CHECK_FALSE(iso_datetime_seconds("2026-09-15 08:00:00"));
    CHECK_FALSE(iso_datetime_seconds("2026-02-30T08:00:00Z"));
}
