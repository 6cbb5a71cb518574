#!/usr/bin/env bash
# The whole path through the wizard: first-time setup, answers with dates,
# kill -9 in the middle, restart, and every confirmed answer is still there.
source "$(dirname "$0")/../lib/e2e.sh"

start_app
setup_facility "やまだ内科クリニック"
no_english
wait_for "令和8年度版"            # November 2026 -> 令和8年度 -> R8
check "data file is 0600" test "$(stat -c %a "$DB")" = 600
check "data folder is 0700" test "$(stat -c %a "$(dirname "$DB")")" = 700

keys Enter                          # チェックリスト
wait_for "医療情報システムを導入、運用している。"
wait_for "1 / 22"
no_english
keys 3                              # the gate allows only はい/いいえ
wait_for "「はい」か「いいえ」で答えて"
keys 1
wait_for "保存しました"
keys Right
wait_for "1-①"
keys 2                              # いいえ -> the cursor goes to 目標日
wait_for "続けて目標日（令和8年11月25日〜"   # from the check date, as the field says
typ "2027-04-01"; keys Enter        # after the fiscal year: refused
wait_for "令和8年11月25日〜令和9年3月31日の日付を入力してください"
wait_for "（令和8年度）の中で、確認日以降の日です"
keys C-u; typ "R9.2.30"; keys Enter # does not exist
wait_for "2027年2月30日という日はありません"
keys C-u; typ "令和９年３月３１日"; keys Enter
wait_for "(令和9年3月31日)"
typ "山田"; keys Enter               # 担当者
typ "院長と相談して決める"; keys Enter  # メモ
wait_for "保存しました"
keys Right
wait_for "2-①"
keys 3                              # わからない, target left empty
wait_for "続けて目標日"
keys Escape
wait_for "目標日が未入力です"
keys Right
wait_for "2-②"
keys 1
wait_for "保存しました"
no_english

# kill -9 and restart: the four answers and their dates are there
kill_app
start_app
wait_for "回答 4/22、要対応 2（目標日なし 1）"
keys Enter                          # opens at the first unanswered item
wait_for "2-③"
keys Left Left Left
wait_for "1-①"
wait_for "2027-03-31"
wait_for "院長と相談して決める"
check "integrity" test "$(sqlite3 "$DB" 'PRAGMA integrity_check')" = ok
keys Escape
wait_for "回答の保存先"
keys q
check "exit code 0 after q" test "$(wait_exit)" = 0

# status reads the same file beside the wizard
out=$("$BIN" status 2>&1)
echo "$out" | grep -qF "回答済み: 4 / 22 項目" || fail "status: $out"
echo "$out" | grep -qF "対応が必要: 2 項目（うち目標日が未入力: 1）" || fail "status: $out"
echo "$out" | grep -qF "1-① 医療情報システム安全管理責任者を設置している。: いいえ、目標日 令和9年3月31日" || fail "status: $out"
# the list of what is not answered names as many as the count says (an
# item answered per part, such as 2-④, once per part)
n=$(echo "$out" | sed -n 's/^未回答: \([0-9]*\) 項目$/\1/p')
listed=$(echo "$out" | sed -n 's/^  未回答の項目: //p' | awk -F'、' '{print NF}')
check "status lists $n unanswered, as it counts (listed: $listed)" test -n "$n" -a "$listed" = "$n"
echo "$out" | grep -qF "2-④（対象: サーバ）、2-④（対象: 端末PC）" || fail "status: 2-④ not named per part: $out"

# the gate answered いいえ: the rest is not needed
start_app
wait_for "回答の保存先"
keys Enter
wait_for "2-③"
keys Left Left Left Left
wait_for "医療情報システムを導入、運用している。"
# a save that fails (another program holds the file for writing) says so,
# and never 「保存しました」: the gate's いいえ too
gate() { sqlite3 "$DB" "SELECT coalesce(max(value), '-') FROM answer WHERE item_id = 'has-medical-system'"; }
before=$(gate)
# the holder waits for the lock (the probe below takes it for a moment, and
# a slow build may be writing): with no timeout it could fail once for good
exec 7> >(exec sqlite3 -cmd ".timeout 10000" "$DB")
echo "BEGIN IMMEDIATE; UPDATE facility SET name = name;" >&7
i=0
while sqlite3 -cmd ".timeout 0" "$DB" "BEGIN IMMEDIATE; ROLLBACK;" 2>/dev/null; do
  i=$((i + 1)); [ $i -gt 200 ] && { fail "the holder never took the lock"; break; }
  sleep 0.05
done
snap; keys 2
wait_new "書き込み中です"
screen | grep -qF "保存しました" && fail "a failed save said 保存しました"
screen | grep -qF "ほかの項目は答えなくて" && fail "a failed save said the rest is not needed"
check "nothing saved while busy" test "$(gate)" = "$before"
check "the gate was not いいえ before" test "$before" != no
echo "ROLLBACK;" >&7
exec 7>&-
keys 2
wait_for "ほかの項目は答えなくてかまいません"
wait_db "SELECT value FROM answer WHERE item_id = 'has-medical-system'" no
keys Right
wait_for "医療情報システムなし"
finish
