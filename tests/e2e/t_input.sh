#!/usr/bin/env bash
# Bad input: a paste is text for the field being typed in (never commands,
# line breaks become spaces, cut at the field's limit); a memo that looks
# like a password is saved with a warning; characters beyond the BMP are
# kept; control characters and escape sequences in the data file never
# reach the terminal or the PDF raw.
source "$(dirname "$0")/../lib/e2e.sh"

paste() { # paste TEXT: as a terminal pastes (bracketed, as the app asked)
  printf '%s' "$1" > "$WORK/paste"
  tm load-buffer "$WORK/paste"
  tm paste-buffer -p -t s:
}
memo() { sqlite3 "$DB" "SELECT memo FROM answer WHERE item_id = '$1'"; }

start_app
setup_facility "おがわ小児科"
keys Enter
wait_for " / 22"
keys 1
wait_for "保存しました"

# a paste on the answer row is not a command: "2" does not answer, "q" does
# not quit; the screen says where pasting works
paste $'2\nq\n'
wait_for "貼り付けは、文字を入力している欄でだけ使えます"
check "a paste outside a field answers nothing" \
  test "$(sqlite3 "$DB" "SELECT count(*) FROM answer")" = 1
check "a paste outside a field does not quit" test ! -s "$WORK/exit"

# a paste into メモ: line breaks and tabs become spaces, "q" is text
keys Tab Tab Tab
wait_for "> メモ"
paste $'一行目\r\nq\n\n三行目\tタブ\n'
wait_for "一行目 q 三行目 タブ"
snap; keys Enter
wait_new "保存しました"
item=$(sqlite3 "$DB" "SELECT item_id FROM answer LIMIT 1")
wait_db "SELECT memo FROM answer WHERE item_id = '$item'" "一行目 q 三行目 タブ"
check "still running after a pasted q" test ! -s "$WORK/exit"

# a memo that looks like a password: saved, with a warning
keys Tab Tab Tab
wait_for "> メモ"
keys C-u
typ "業者のPW: Abc12345"; keys Enter
wait_for "パスワードのような文字があります"
wait_db "SELECT memo FROM answer WHERE item_id = '$item'" "業者のPW: Abc12345"
keys Tab Tab Tab
wait_for "> メモ"
keys C-u
typ "パスワードは院長が管理"; keys Enter
wait_for "パスワードは院長が管理"
wait_gone "パスワードのような"
wait_for "保存しました。"
screen | grep -qF "パスワードのような" && fail "a memo about passwords is not a password"

# a paste longer than the memo's limit (1000 characters): what fits goes in
keys Tab Tab Tab
wait_for "> メモ"
keys C-u
paste "$(printf 'あ%.0s' $(seq 1 1200))"
wait_for "1000 文字までです"
screen | grep -qF "制御文字" && fail "the length message talks about control characters"
snap; keys Enter
wait_new "保存しました"
wait_db "SELECT length(memo) FROM answer WHERE item_id = '$item'" 1000

# characters beyond the BMP (𠮷 of 𠮷野家, an emoji) are kept and shown
keys Tab Tab
wait_for "> 担当者"
keys C-u
snap; typ "𠮷田😀"; keys Enter
wait_new "保存しました"
wait_db "SELECT owner FROM answer WHERE item_id = '$item'" "𠮷田😀"
wait_for "𠮷田"
keys Escape                       # leaves メモ
wait_for "入力欄は変更していません"
keys Right 2                      # a second item, いいえ: its memo is printed
wait_for "続けて目標日"
typ "2027-03-01"; keys Enter Enter
snap; typ "メモ"; keys Enter
wait_new "保存しました"
keys Escape
wait_for "回答の保存先"
# a date field of the remote-maintenance form: future and impossible dates
keys 3; wait_for "＋ 接続を追加する"
keys Enter; wait_for "新しい接続"
typ "レセコン"; keys Enter
for i in $(seq 1 10); do keys Down; done
wait_for "> 最後の更新"
typ "2030-01-01"; keys Enter
wait_for "未来の日付は入力できません"
keys C-u; typ "2026-02-30"; keys Enter
wait_for "2026年2月30日という日はありません"
keys C-u; typ "R8.10.1"; keys Enter
wait_for "保存しました"
wait_db "SELECT last_patch FROM connection" 2026-10-01
for i in $(seq 1 6); do keys Down; done   # a connection's memo: a password is warned of
wait_for "> メモ"
typ "VPNのPW: Zx9abc77"; keys Enter
wait_for "パスワードのような文字があります"
wait_db "SELECT memo FROM connection" "VPNのPW: Zx9abc77"
keys Escape                       # the last field stays open: leave it
wait_for "入力欄は変更していません"
keys Escape
wait_for "＋ 接続を追加する"
keys Escape
wait_for "回答の保存先"
# Esc in a text field puts back what was saved
before=$(sqlite3 "$DB" "SELECT group_concat(ifnull(memo, '-'), '|') FROM answer")
keys 1; wait_for " / 22"
keys Tab Tab Tab
wait_for "> メモ"
typ "XYZ"; wait_for "XYZ"
keys Escape
wait_for "入力欄は変更していません"
screen | grep -qF "XYZ" && fail "Esc left the typed text on the screen"
check "Esc changed nothing" test "$(sqlite3 "$DB" "SELECT group_concat(ifnull(memo, '-'), '|') FROM answer")" = "$before"
keys Escape Escape
wait_for "回答の保存先"
keys q
check "exit 0" test "$(wait_exit)" = 0

# escape sequences written into the file by something else: never raw
sqlite3 "$DB" "UPDATE answer SET memo = 'ok' || char(27) || '[2J' || char(27) || ']0;evil' || char(7) || char(155) || 'end' WHERE value = 'no'"
sqlite3 "$DB" "UPDATE facility SET name = 'おがわ' || char(27) || '[31m小児科' || char(10) || '対応が必要: 0 項目' || char(8238) || 'x'"
out=$("$BIN" status 2>&1)
has_byte 033 "$out" && fail "status: an escape byte reached the output"
echo "$out" | grep -qF "おがわ?[31m小児科 対応が必要: 0 項目?x" || fail "status: the name is not shown on one line with the controls replaced: $out"
echo "$out" | grep -q "^対応が必要: 0" && fail "status: a newline in the name started a line of its own: $out"
echo "$out" | grep -qF "$(printf '\342\200\256')" && fail "status: a bidi control (U+202E) reached the output"
"$BIN" report -o "$WORK/r.pdf" >/dev/null 2>&1 || fail "report with controls in the data"
pdftotext "$WORK/r.pdf" "$WORK/r.txt" 2>/dev/null
has_byte 033 "$(cat "$WORK/r.txt")" && fail "PDF: an escape byte in the text"
has_byte 007 "$(cat "$WORK/r.txt")" && fail "PDF: a BEL in the text"
grep -qF "[2J" "$WORK/r.txt" || fail "PDF: the memo's printable part is missing"
grep -qF "小児科" "$WORK/r.txt" || fail "PDF: the facility name is missing"
out=$("$BIN" --db "$WORK/$(printf 'x\033[2Jy')/d.db" status 2>&1)
has_byte 033 "$out" && fail "a file name with an escape: an escape byte in the message"
# a memo that looks like a password, written by an older iryosec or an
# import (no warning was ever shown): checked again when printing
sqlite3 "$DB" "UPDATE answer SET memo = '業者のPW: Abc12345' WHERE value = 'no'"
sqlite3 "$DB" "UPDATE connection SET memo = 'VPNのパスワード Xyz98765'"
"$BIN" report -o "$WORK/p.pdf" >/dev/null 2>&1 || fail "report with a password-like memo"
ptext=$(pdftotext "$WORK/p.pdf" - 2>/dev/null | tr -d ' \n')
echo "$ptext" | grep -qF "Abc12345" && fail "a password-like memo was printed"
echo "$ptext" | grep -qF "Xyz98765" && fail "a password-like connection memo was printed"
echo "$ptext" | grep -qF "（パスワードのような文字を含むため印刷しません）" || fail "the PDF does not say why a memo is not printed"
start_app
wait_for "おがわ?[31m小児科"
keys Enter
wait_for " / 22"
finish
