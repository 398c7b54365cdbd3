#!/usr/bin/env bash
# End-to-end checks of the hemis CLI contract: exit codes, generate → validate ground truth,
# pack → inspect → validate round trip, template headers, readable errors for bad input.
# Usage: cli_test.sh PATH_TO_HEMIS FIXTURES_DIR
set -uo pipefail
hemis=$1
fixtures=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
expect_rc() { # expected_rc description command...
  local want=$1 what=$2; shift 2
  "$@" >"$work/out" 2>"$work/err"; local rc=$?
  [ "$rc" -eq "$want" ] || fail "$what: exit $rc, expected $want ($(head -c 300 "$work/err"))"
}

# generate with faults: validate reports exactly the injected faults, and exits 1.
expect_rc 0 "generate faulty" "$hemis" generate --learners 10000 --seed 1 --faults 0.05 --out "$work/faulty"
expect_rc 1 "validate faulty" "$hemis" validate "$work/faulty" --json
cmp -s "$work/out" "$work/faulty/expected-findings.json" || fail "faulty findings differ from expected-findings.json"
grep -q '"rule": "learner.so_dinh_danh.format"' "$work/out" || fail "no injected ID fault found"

# a clean institution passes with exit 0 and an empty findings list.
expect_rc 0 "generate clean" "$hemis" generate --learners 2000 --seed 2 --out "$work/clean"
expect_rc 0 "validate clean" "$hemis" validate "$work/clean" --json
grep -q '"findings": \[\]' "$work/out" || fail "clean set has findings"

# pack, inspect and validate the package; packing twice gives identical bytes.
expect_rc 0 "pack" "$hemis" pack "$work/clean" --institution QHI --period 2026 -o "$work/p1.json"
expect_rc 0 "pack again" "$hemis" pack "$work/clean" --institution QHI --period 2026 -o "$work/p2.json"
cmp -s "$work/p1.json" "$work/p2.json" || fail "packing the same data twice differs"
expect_rc 0 "pack to stdout" "$hemis" pack "$work/clean" --institution QHI --period 2026 -o -
cmp -s "$work/out" "$work/p1.json" || fail "pack -o - differs from the file"
expect_rc 0 "inspect" "$hemis" inspect "$work/p1.json"
grep -q "records.learner: 2000 (ok)" "$work/out" || fail "inspect does not show 2000 learners"
expect_rc 0 "validate package" "$hemis" validate "$work/p1.json"

# pack refuses data with errors unless forced; a tampered package is unreadable (exit 2).
expect_rc 1 "pack faulty" "$hemis" pack "$work/faulty" --institution QHI --period 2026 -o "$work/bad.json"
[ ! -e "$work/bad.json" ] || fail "pack wrote a package for data with errors"
# a forced package of faulty data gives the folder's findings, byte for byte (file and rows too).
expect_rc 1 "pack faulty forced" "$hemis" pack "$work/faulty" --institution QHI --period 2026 --force -o "$work/forced-faulty.json"
expect_rc 1 "validate forced package" "$hemis" validate "$work/forced-faulty.json" --json
cmp -s "$work/out" "$work/faulty/expected-findings.json" || fail "package findings differ from the folder's"
sed 's/"phien_ban":"1"/"phien_ban":"2"/' "$work/p1.json" >"$work/tampered.json"
expect_rc 2 "inspect tampered" "$hemis" inspect "$work/tampered.json"
grep -q "content_sha256 does not match" "$work/err" || fail "tampering not named"

# the checked-in faulty fixture prints the checked-in findings (parity with the wasm tests).
expect_rc 1 "validate fixture" "$hemis" validate "$fixtures/faulty" --json
cmp -s "$work/out" "$fixtures/faulty/expected.json" || fail "fixture findings changed"
expect_rc 0 "validate edge fixture" "$hemis" validate "$fixtures/edge"

# usage errors and unreadable input exit 2 with a message.
expect_rc 2 "no subcommand" "$hemis"
expect_rc 2 "pack without options" "$hemis" pack "$work/clean"
grep -q "cách gọi lệnh chưa đúng (--institution is required)" "$work/err" || fail "usage error not explained: $(cat "$work/err")"
expect_rc 2 "missing file" "$hemis" validate "$work/nope.csv"
grep -q "Không tìm thấy .*nope.csv" "$work/err" || fail "missing file not named"
printf 'a,b\n1,2\n' >"$work/other.csv"
expect_rc 2 "unknown csv name" "$hemis" validate "$work/other.csv"
expect_rc 2 "bad faults" "$hemis" generate --faults 2 --out "$work/x"

# templates print the interchange header.
expect_rc 0 "template" "$hemis" template staff
[ "$(cat "$work/out")" = "ma_can_bo,so_dinh_danh,ho_ten,ngay_sinh,gioi_tinh,trinh_do,chuc_danh,loai_hop_dong,don_vi,email,phien_ban,su_kien,cap_nhat_luc" ] \
  || fail "staff template header: $(cat "$work/out")"

# English messages on request.
expect_rc 1 "validate en" "$hemis" --lang en validate "$fixtures/faulty"
grep -q "Personal ID '00120301234' must be exactly 12 digits." "$work/out" || fail "English message missing"
# --lang and --data may also follow the subcommand.
expect_rc 1 "validate --lang after" "$hemis" validate "$fixtures/faulty" --lang en
grep -q "Personal ID '00120301234' must be exactly 12 digits." "$work/out" || fail "--lang after the subcommand ignored"

# generate never replaces files already there, unless forced.
cp -r "$work/clean" "$work/keep"
expect_rc 2 "generate over data" "$hemis" generate --learners 5 --out "$work/keep"
cmp -s "$work/keep/learners.csv" "$work/clean/learners.csv" || fail "generate overwrote learners.csv"
expect_rc 0 "generate --force" "$hemis" generate --learners 5 --out "$work/regen"
expect_rc 0 "generate --force again" "$hemis" generate --learners 5 --force --out "$work/regen"

# data files under other names are named, not silently left out.
mkdir -p "$work/named"
cp "$work/clean/programmes.csv" "$work/named/"
cp "$work/clean/learners.csv" "$work/named/Learners (1).CSV"
expect_rc 0 "validate with a misnamed file" "$hemis" validate "$work/named"
grep -q "bỏ qua .*Learners (1).CSV" "$work/err" || fail "misnamed file not reported: $(cat "$work/err")"
mkdir -p "$work/misnamed-only"
cp "$work/clean/learners.csv" "$work/misnamed-only/hoc_vien.csv"
expect_rc 2 "validate a folder of misnamed files" "$hemis" validate "$work/misnamed-only"
grep -q "hoc_vien.csv" "$work/err" || fail "misnamed-only file not named: $(cat "$work/err")"

# learners alone (an update): the folder and its package give the same verdict.
mkdir -p "$work/only"
cp "$work/clean/learners.csv" "$work/only/"
expect_rc 0 "validate learners alone" "$hemis" validate "$work/only" --json
cp "$work/out" "$work/only.findings"
expect_rc 0 "pack learners alone" "$hemis" pack "$work/only" --institution QHI --period 2026 -o "$work/only.json"
expect_rc 0 "validate package of learners alone" "$hemis" validate "$work/only.json" --json
cmp -s "$work/out" "$work/only.findings" || fail "learners alone: package verdict differs from the folder's"

# two files for one entity are a usage error, not one silently replacing the other.
mkdir -p "$work/two"
cp "$work/clean/learners.csv" "$work/two/learners.csv"
cp "$work/clean/learners.csv" "$work/two-learners.csv"
mv "$work/two-learners.csv" "$work/two/learners.csv.bak"
cp "$work/clean/learners.csv" "$work/learners.csv"
expect_rc 2 "same entity twice" "$hemis" validate "$work/two/learners.csv" "$work/learners.csv"
grep -q "cùng chứa dữ liệu learner" "$work/err" || fail "same entity twice not explained: $(cat "$work/err")"

# pack checks its options first, never overwrites an input, and --force never ships unreadable text.
expect_rc 2 "pack bad institution" "$hemis" pack "$work/clean" --institution "QH I" --period 2026 -o "$work/x.json"
grep -q -- "--institution 'QH I'" "$work/err" || fail "bad institution not named"
expect_rc 2 "pack bad created-at" "$hemis" pack "$work/clean" --institution QHI --period 2026 --created-at 15/09/2026 -o "$work/x.json"
expect_rc 2 "pack bad id" "$hemis" pack "$work/clean" --institution QHI --period 2026 --id "a/b" -o "$work/x.json"
[ ! -e "$work/x.json" ] || fail "pack wrote a package despite bad options"
cp -r "$work/clean" "$work/inplace"
expect_rc 2 "pack over an input" "$hemis" pack "$work/inplace" --institution QHI --period 2026 -o "$work/inplace/learners.csv"
cmp -s "$work/inplace/learners.csv" "$work/clean/learners.csv" || fail "pack overwrote its input"
mkdir -p "$work/badbytes"
head -2 "$work/clean/learners.csv" | sed "2s/,/,"$'\xff'"/2" >"$work/badbytes/learners.csv"
expect_rc 1 "pack --force with bad bytes" "$hemis" pack "$work/badbytes" --institution QHI --period 2026 --force -o "$work/forced.json"
[ ! -e "$work/forced.json" ] || fail "--force packed a file with invalid UTF-8"
grep -q "input.utf8" "$work/err" || fail "bad bytes not reported: $(head -c 300 "$work/err")"

# a template file that cannot be read (a link to nothing, a folder) is an error naming it, not
# an entity silently left out.
mkdir -p "$work/dangling" "$work/folderfile"
cp "$work/clean/learners.csv" "$work/dangling/" && ln -s "$work/nowhere.csv" "$work/dangling/programmes.csv"
expect_rc 2 "validate with a dangling link" "$hemis" --lang en validate "$work/dangling"
grep -q "Cannot read file .*programmes.csv" "$work/err" || fail "dangling link not named: $(head -c 300 "$work/err")"
cp "$work/clean/learners.csv" "$work/folderfile/" && mkdir "$work/folderfile/staff.csv"
expect_rc 2 "validate with a folder named staff.csv" "$hemis" --lang en validate "$work/folderfile"
grep -q "Cannot read file .*staff.csv" "$work/err" || fail "folder not named: $(head -c 300 "$work/err")"

# a failed write to stdout is exit 2, not success.
if [ -w /dev/full ]; then
  "$hemis" template staff >/dev/full 2>"$work/err"; rc=$?
  [ "$rc" -eq 2 ] || fail "template to a full disk: exit $rc, expected 2"
fi

[ "$failures" -eq 0 ] && echo "cli_test: all checks passed"
exit $((failures > 0))
