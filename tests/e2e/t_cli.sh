#!/usr/bin/env bash
# The command line: help, version, usage errors, exit codes, status and
# report on a missing file (never created), validate-content and a broken
# content override.
source "$(dirname "$0")/../lib/e2e.sh"

out=$("$BIN" --help); rc=$?
check "--help exits 0" test $rc = 0
echo "$out" | grep -qF "使い方: iryosec" || fail "--help is not Japanese: $out"
echo "$out" | grep -qF "終了コード" || fail "--help lacks exit codes"
out=$("$BIN" --version); check "--version" test "$out" = "iryosec 0.1.0"

out=$("$BIN" --bogus 2>&1); rc=$?
check "unknown option exits 2" test $rc = 2
echo "$out" | grep -qF "「--bogus」というオプションはありません" || fail "$out"
out=$("$BIN" frobnicate 2>&1); rc=$?
check "unknown command exits 2" test $rc = 2
out=$("$BIN" --db 2>&1); rc=$?
check "--db without value exits 2" test $rc = 2
out=$("$BIN" report extra 2>&1); rc=$?
check "report with a stray argument exits 2" test $rc = 2
# an option value that looks like an option is a forgotten value: wrong
# usage, and nothing is created (no data file named --help)
( cd "$WORK" && "$BIN" --db --help status >/dev/null 2>&1 ); rc=$?
check "--db --help status exits 2" test $rc = 2
check "no file named --help" test ! -e "$WORK/--help"
for args in "report -o --only summary" "report --only -o x.pdf" "report --vendor -o x.pdf" "report -o"; do
  # shellcheck disable=SC2086
  out=$("$BIN" $args 2>&1); rc=$?
  check "'$args' exits 2 (not $rc)" test $rc = 2
done

# commands that read never create: status and report on a missing file say
# so and leave nothing behind (no file, folder or lock)
out=$(umask 000; "$BIN" status 2>&1); rc=$?
check "status on a missing file exits 1" test $rc = 1
echo "$out" | grep -qF "データファイル「$DB」はまだありません" || fail "status, missing file: $out"
check "status created no folder" test ! -e "$(dirname "$DB")"
mkdir "$WORK/new"
for cmd in status "report -o $WORK/new/r.pdf"; do
  # shellcheck disable=SC2086
  out=$("$BIN" --db "$WORK/new/x.db" $cmd 2>&1); rc=$?
  check "$cmd on a missing --db exits 1" test $rc = 1
  echo "$out" | grep -qF "まだありません" || fail "$cmd, missing --db: $out"
  check "$cmd left nothing in the folder" test -z "$(ls -A "$WORK/new")"
done

# the wizard makes it: 0600 in a 0700 folder whatever the umask, and says so
(umask 000; start_app)
wait_for "初回設定"
wait_for "新しいデータファイルを作成しました"
check "new file 0600" test "$(stat -c %a "$DB")" = 600
check "new folder 0700" test "$(stat -c %a "$(dirname "$DB")")" = 700
check "lock file 0600" test "$(stat -c %a "$DB.lock")" = 600
keys Escape q
check "the wizard quits" test "$(wait_exit)" = 0
out=$("$BIN" status 2>&1); rc=$?
check "status before setup exits 1" test $rc = 1
echo "$out" | grep -qF "初回設定がまだです" || fail "$out"
echo "$out" | grep -qF "新しいデータファイル" && fail "status says new: $out"

# the wizard needs a terminal
out=$("$BIN" </dev/null 2>&1); rc=$?
check "wizard without a terminal exits 1" test $rc = 1
echo "$out" | grep -qF "端末の中でしか動きません" || fail "$out"

# validate-content: the built-in content is valid
out=$("$BIN" validate-content --unverified 2>&1); rc=$?
check "validate-content exits 0" test $rc = 0 || echo "$out"
echo "$out" | grep -q "^問題なし: " || fail "$out"
echo "$out" | grep -qF "公式様式と未照合: r8 1-①" || fail "R8 items must be listed as unverified: $out"
# and every other kind of sourced entry: known flaws, 保守委託機関編, the
# vendors' form, contract questions (one verified flaw is not listed)
echo "$out" | grep -qF "既知の弱点でメーカーの資料と未照合: CVE-2020-12812 fortinet fortigate" || fail "unverified flaws are not listed: $out"
echo "$out" | grep -qF "CVE-2024-55591 fortinet fortigate" && fail "a verified flaw is listed as unverified"
echo "$out" | grep -qF "保守委託機関編で出典と未照合:" || fail "unverified 保守委託機関編 items are not listed"
echo "$out" | grep -qF "事業者確認用で公式様式と未照合:" || fail "unverified vendors' form items are not listed"

# a broken override is refused with file:line and the built-in one is used
mkdir -p "$WORK/over/r8"
cp "$SRC"/content/r8/*.yaml "$WORK/over/r8/"
sed -i 's/^    verified: false/    verified: maybe/' "$WORK/over/r8/section-1.yaml"
out=$("$BIN" --content "$WORK/over" validate-content 2>&1); rc=$?
check "validate-content on a broken folder exits 1" test $rc = 1
echo "$out" | grep -qE "section-1.yaml:[0-9]+:[0-9]+: 「verified」の欄には true か false" || fail "$out"
out=$("$BIN" --content "$WORK/over" status 2>&1)
echo "$out" | grep -qF "誤りのある内容ファイルは使わず" || fail "no warning for a broken override: $out"
# a valid partial override (only vulns/, only one edition) passes
# validate-content: what it does not hold comes from the built-in content
mkdir -p "$WORK/part1" "$WORK/part2"
cp -r "$SRC/content/vulns" "$WORK/part1/"
cp -r "$SRC/content/r7" "$WORK/part2/"
for d in part1 part2; do
  out=$("$BIN" --content "$WORK/$d" validate-content 2>&1); rc=$?
  check "validate-content on a partial override ($d) exits 0" test $rc = 0 || echo "$out"
done
# an override valid alone that clashes with the built-in content (a second
# edition for 令和8年度): every command still works on the built-in
# content, and the message names the override's file
make_db "$WORK/clinic.db"
mkdir -p "$WORK/clash"
cp -r "$SRC/content/r8" "$WORK/clash/r8x"
sed -i 's/^id: r8$/id: r8x/' "$WORK/clash/r8x/edition.yaml"
out=$("$BIN" --content "$WORK/clash" --db "$WORK/clinic.db" status 2>&1); rc=$?
check "status with a clashing override exits 0" test $rc = 0
echo "$out" | grep -qF "$WORK/clash/r8x/edition.yaml" || fail "the clash does not name the override's file: $out"
echo "$out" | grep -qF "内容フォルダ $WORK/clash は使わず" || fail "no note that the override was left out: $out"
out=$("$BIN" --content "$WORK/clash" --db "$WORK/clinic.db" report -o "$WORK/clash.pdf" 2>&1); rc=$?
check "report with a clashing override exits 0" test $rc = 0 || echo "$out"
out=$("$BIN" --content "$WORK/clash" validate-content 2>&1); rc=$?
check "validate-content on a clashing override exits 1" test $rc = 1
echo "$out" | grep -qF "r8x/edition.yaml" || fail "validate-content does not name the clash: $out"
out=$("$BIN" --content "$WORK/nothere" status 2>&1); rc=$?
check "missing --content folder exits 1" test $rc = 1

# without XDG_DATA_HOME the data file is ~/.local/share/iryosec/iryosec.db;
# status names it and, as it is missing, creates nothing (the wizard does)
h=$WORK/plainhome
mkdir -p "$h"
out=$(env -u XDG_DATA_HOME HOME="$h" "$BIN" status 2>&1); rc=$?
check "status without a data file exits 1" test $rc = 1
echo "$out" | grep -qF "$h/.local/share/iryosec/iryosec.db" || fail "the default path is not named: $out"
check "status created nothing" test ! -e "$h/.local"
finish
