#!/usr/bin/env bash
# Both editions walked end to end: 令和7年度 with the R7 checklist, every
# question in official order; then the 点検年度 moves to 令和8年度 (R8) and
# last year's answers are offered, never copied, and taken with y.
source "$(dirname "$0")/../lib/e2e.sh"

R7_ORDER="- 1-① 2-① 2-② 2-③ 2-④ 2-④ 2-⑤ 2-⑤ 2-⑥ 2-⑦ 2-⑧ 2-⑨ 2-⑩ 2-⑪ 2-⑫ 2-⑫ 2-⑬ 3-① 3-② 3-③ 4-①"

start_app
wait_for "初回設定"
typ "たなか小児科"; keys Enter
keys Right Right Right
keys Down; keys Enter; keys Enter; keys Enter; keys Enter   # 管理者, 責任者, 点検した人, 保健所 left empty
wait_for "< 令和8年度 >"
keys Left                                       # 令和7年度 -> 令和7年度版
wait_for "< 令和7年度 >"
wait_for "< 令和7年度版 >"
keys Down Down Enter
wait_for "令和7年度（令和7年度版のチェックリストで点検）"
keys Enter
wait_for "1 / 22"
wait_for "例: 2026-11-25、R8.11.25"           # 確認日 is empty last year: the example is today
i=0
for n in $R7_ORDER; do
  i=$((i + 1))
  wait_for "$i / 22" || break
  [ "$n" != - ] && { wait_for "$n " || break; }
  case $i in
    3) keys 2; wait_for "続けて目標日"
       typ "2026-03-31"; keys Enter; wait_for "(令和8年3月31日)"; keys Escape ;;
    4) keys 4; wait_for "保存しました" ;;  # 2-② 該当なし (no vendor contract)
    *) keys 1; wait_for "保存しました" ;;
  esac
  keys Right
done
wait_for "チェックリストの最後の質問まで進みました"
wait_for "回答 22/22、要対応 1（目標日なし 0）"
no_english

# the R7 transcript: the R7 title, the 該当なし reason, the last item
"$BIN" report -o "$WORK/r7.pdf" >/dev/null 2>&1 || fail "report for R7"
t7=$(pdftotext "$WORK/r7.pdf" - 2>/dev/null | tr -d ' \n')
echo "$t7" | grep -qF "令和7年度版「医療機関におけるサイバーセキュリティ対策チェックリスト」（医療機関確認用）" || fail "R7 transcript title"
echo "$t7" | grep -qF "該当なし（事業者との契約なし）" || fail "R7 transcript: 該当なし reason"
echo "$t7" | grep -qF "運用管理規程" || fail "R7 transcript: 4-①"

# move to 令和8年度: the R8 edition, and last year's answers on offer
keys 6
wait_for "施設の情報と点検年度"
keys Down Down Down Down Down Down   # from 施設名 to 点検年度
wait_for "< 令和7年度 >"
keys Right
wait_for "< 令和8年度 >"
wait_for "< 令和8年度版 >"
keys Down Down Enter
wait_for "令和8年度（令和8年度版のチェックリストで点検）"
wait_for "令和7年度の回答があります"
wait_for "回答 0/22"                  # nothing copied silently
keys Enter
i=0
for n in $R7_ORDER; do
  i=$((i + 1))
  wait_for "$i / 22" || break
  wait_for "昨年度の回答:" || break
  [ "$i" = 11 ] && wait_for "今年度の変更点"   # 2-⑦ passwords: reworded in R8
  keys y
  wait_for "引き継ぎました" || break
  if [ "$i" = 3 ]; then                 # いいえ: the target date is entered again
    wait_for "目標日が未入力です"
    typ "2027-03-31"; keys Enter; wait_for "(令和9年3月31日)"; keys Escape
  fi
  keys Right
done
wait_for "回答 22/22、要対応 1（目標日なし 0）"
out=$("$BIN" status 2>&1)
echo "$out" | grep -qF "令和8年度版" || fail "status: $out"
echo "$out" | grep -qF "回答済み: 22 / 22 項目" || fail "status: $out"
# the dates were not copied: 確認日 is this year's
check "no date copied from last year" test "$(sqlite3 "$DB" "SELECT count(*) FROM answer WHERE year = 2026 AND checked < '2026-04-01'")" = 0
check "the R7 answers are kept" test "$(sqlite3 "$DB" "SELECT count(*) FROM answer WHERE year = 2025")" = 22
"$BIN" report -o "$WORK/r8.pdf" >/dev/null 2>&1 || fail "report for R8"
t8=$(pdftotext "$WORK/r8.pdf" - 2>/dev/null | tr -d ' \n')
echo "$t8" | grep -qF "令和8年度版「医療機関・薬局におけるサイバーセキュリティ対策チェックリスト」（医療機関・薬局確認用）" || fail "R8 transcript title"
keys q
check "exit 0" test "$(wait_exit)" = 0
finish
