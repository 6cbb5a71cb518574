#!/usr/bin/env bash
# Japanese whatever the locale: LANG=C, an ungenerated ja_JP.UTF-8, only
# LC_CTYPE=C; a non-UTF-8 locale exits 3 with English and Japanese.
source "$(dirname "$0")/../lib/e2e.sh"

for env in "LANG=C" "LANG=ja_JP.UTF-8" "LC_ALL=fr_FR.UTF-8" "LC_CTYPE=C LC_MESSAGES=C.UTF-8" "LANG="; do
  # shellcheck disable=SC2086
  out=$(env -i PATH="$PATH" HOME="$HOME" $env "$BIN" --help 2>&1)
  echo "$out" | grep -qF "使い方: iryosec" || fail "--help under $env: $out"
  start_app -i PATH="$PATH" HOME="$HOME" XDG_DATA_HOME="$XDG_DATA_HOME" TERM=tmux-256color IRYOSEC_TODAY="$IRYOSEC_TODAY" $env --
  wait_for "初回設定" || continue
  wait_for "施設の情報を入力してください"
  no_english
  keys Escape                 # 施設名 is being typed in: q would be text
  keys q
  check "quits under $env" test "$(wait_exit)" = 0
done
check "nothing was typed into the data file" \
  test "$(sqlite3 "$DB" "SELECT count(*) FROM facility WHERE name <> ''")" = 0

for env in "LANG=ja_JP.eucJP" "LANG=ja_JP" "LC_ALL=ja_JP.SJIS"; do
  # shellcheck disable=SC2086
  out=$(env -i PATH="$PATH" HOME="$HOME" $env "$BIN" --help 2>&1); rc=$?
  check "exit 3 under $env" test "$rc" = 3
  echo "$out" | grep -qF "does not use UTF-8" || fail "no English message under $env: $out"
  echo "$out" | grep -qF "UTF-8ではないため" || fail "no Japanese message under $env: $out"
done
finish
