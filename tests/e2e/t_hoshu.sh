#!/usr/bin/env bash
# 保守委託機関編 for three clinics: one that qualifies, one that fails on a
# PC where the EMR processes and is updated in-house, one whose contract
# does not say who updates (わからない first, then 書かれていない). The
# clause is the vendor's answer to contract question 1, entered once under
# 事業者と契約 and opened from here. The judgement on screen, the PDF page
# and the vendor sheet are checked for each.
source "$(dirname "$0")/../lib/e2e.sh"

# clinic NAME DB KIND_RIGHTS PATCHER_RIGHTS: sets up, adds the vendor
# アルファ保守 and one server; the caller answers the clause.
clinic() {
  local name=$1 db=$2 kind=$3 patcher=$4 i
  start_app -- --db "$db"
  setup_facility "$name"
  keys 2; wait_for "＋ 事業者を追加する"
  keys a; wait_for "新しい事業者"
  typ "アルファ保守"; keys Enter
  keys Escape Escape Escape
  wait_for "回答の保存先"
  keys 4
  wait_for "保守委託機関編の判定"
  wait_for "まだ判定できません"
  # Enter (the key bar's "open") does not answer the staff question
  if [ "$kind" = 1 ]; then
    keys Enter
    wait_for "←→ キーで答えを選んでください"
    wait_for "専任のシステム担当者がいる: < 選ぶ >"
    check "Enter saved no staff answer" test "$(sqlite3 "$db" "SELECT count(*) FROM answer WHERE item_id = 'hoshu-staff'")" = 0
  fi
  keys Right                                  # 専任の担当者: いいえ
  wait_for "専任のシステム担当者がいる: < いいえ >"
  keys Down Enter                             # ＋ サーバ・パソコンを追加する
  wait_for "新しいサーバ・パソコン"
  typ "電子カルテサーバ"; keys Enter
  wait_for "保存しました"
  for i in $(seq 1 "$kind"); do keys Right; done
  keys Down
  for i in $(seq 1 "$patcher"); do keys Right; done
  keys Down Right                             # the vendor: アルファ保守
  wait_for "< アルファ保守 >"
  keys Escape
  wait_for "保守委託機関編の判定"
}

# 1. qualifies: a server updated by the vendor, written in the contract
clinic "かわい内科" "$WORK/a.db" 0 1
wait_for "更新: アルファ保守"
keys Down Down                                # the clause row
wait_for "アルファ保守との契約に書かれているか: 未回答"
wait_for "契約の確認 1「セキュリティの責任分界を書面で決めている」"   # whose answer
wait_for "答えていません（「事業者と契約」の契約の確認で答えます）"   # the reason
keys Right                                    # not answered a second time here
wait_for "この答えは、事業者の契約の確認で変えます"
keys Enter                                    # the contract question itself
wait_for "アルファ保守: 契約の確認  1 / "
keys 1
wait_for "書かれている場所（書類と条項"        # はい needs the place
keys Escape
wait_for "書かれている（場所が未入力）"
wait_for "契約の確認が必要です"                 # "written" without a place
keys Enter
wait_for "アルファ保守: 契約の確認  1 / "
keys Tab; typ "保守契約書 第12条"; keys Enter
wait_for "保存しました"
keys Escape
wait_for "書かれている  保守契約書 第12条"
wait_for "該当: 保守委託機関編に沿った対応ができます"
check "one answer, the contract question's" test "$(sqlite3 "$WORK/a.db" "SELECT item_id, value, memo FROM vendor_answer")" = "security-split|yes|保守契約書 第12条"
no_english
keys Escape
wait_for "該当: 保守委託機関編に沿った対応ができます"   # on ホーム
keys q; check "exit 0 (a)" test "$(wait_exit)" = 0
"$BIN" --db "$WORK/a.db" report -o "$WORK/a.pdf" >/dev/null 2>&1 || fail "report a"
ta=$(pdftotext "$WORK/a.pdf" - 2>/dev/null | tr -d ' \n')
page=${ta#*保守委託機関編の適用判定}
check "clinic a: the PDF page" test "$page" != "$ta"
echo "$page" | grep -qF "判定:該当" || fail "clinic a: not 該当 in the PDF"
echo "$page" | grep -qF "保守契約書第12条" || fail "clinic a: the clause place"
echo "$page" | grep -qF "アルファ保守のMDS/SDS" || fail "clinic a: the MDS/SDS table"

# 2. fails: a PC where the EMR processes, updated in-house
clinic "さとう眼科" "$WORK/b.db" 1 2
wait_for "電子カルテが処理まで行うPC"
wait_for "更新: 院内"
wait_for "非該当: ガイドライン全体に沿った対応が必要です"
wait_for "電子カルテサーバ」の更新を院内で行っている"
keys Escape q; check "exit 0 (b)" test "$(wait_exit)" = 0
"$BIN" --db "$WORK/b.db" report -o "$WORK/b.pdf" >/dev/null 2>&1 || fail "report b"
tb=$(pdftotext "$WORK/b.pdf" - 2>/dev/null | tr -d ' \n')
page=${tb#*保守委託機関編の適用判定}
echo "$page" | grep -qF "判定:非該当" || fail "clinic b: not 非該当 in the PDF"
pdftotext -layout "$WORK/b.pdf" - 2>/dev/null | sed -n '/保守委託機関編の適用判定/,$p' | grep -qF "電子カルテが処理" || fail "clinic b: the PC's kind"
# nobody is asked for a clause: the clinic updates the PC itself
sheet=${tb#*アルファ保守御中}
echo "$sheet" | grep -qF "契約書・約款・SLAのいずれかに明記" && fail "clinic b: a clause request to the vendor"

# 3. the contract: わからない, then 書かれていない (each has its judgement)
clinic "やまもと歯科" "$WORK/c.db" 0 1
keys Down Down Enter                          # the clause row opens question 1
wait_for "アルファ保守: 契約の確認  1 / "
keys 3; wait_for "保存しました"               # わからない
keys Escape
wait_for "アルファ保守との契約に書かれているか: わからない"
wait_for "契約の確認が必要です"
wait_for "まだ確かめられていません"
keys Enter
wait_for "アルファ保守: 契約の確認  1 / "
keys 2; wait_for "保存しました"               # いいえ: not written
keys Escape
wait_for "アルファ保守との契約に書かれているか: 書かれていない"
wait_for "非該当: ガイドライン全体に沿った対応が必要です"
wait_for "ないため、みなし遵守の条件を満たしません"
screen | grep -qF "確かめられていません" && fail "clinic c: 書かれていない is still called unconfirmed"
keys Escape q; check "exit 0 (c)" test "$(wait_exit)" = 0
"$BIN" --db "$WORK/c.db" report -o "$WORK/c.pdf" >/dev/null 2>&1 || fail "report c"
tc=$(pdftotext "$WORK/c.pdf" - 2>/dev/null | tr -d ' \n')
page=${tc#*保守委託機関編の適用判定}
echo "$page" | grep -qF "判定:非該当" || fail "clinic c: not 非該当 in the PDF"
# (the table's columns interleave: the reason's end, then the server row)
echo "$page" | grep -qF "かれていないため、みなし遵守の条件を満たしません" || fail "clinic c: the reason in the PDF"
echo "$page" | grep -qF "電子カルテサーバサーバアルファ保守書かれていない" || fail "clinic c: the server's clause in the PDF"
sheet=${tc#*アルファ保守御中}
sheet=${sheet%%チェックリスト回答一覧*}
# one request on who updates and where it is written: the contract
# question's, naming the server 保守委託機関編 needs it for
echo "$sheet" | grep -qF "当院と貴社のセキュリティの責任分担が" || fail "clinic c: the contract request on the vendor's sheet"
echo "$sheet" | grep -qF "電子カルテサーバのセキュリティ更新の責任を契約に明記" || fail "clinic c: the request does not name the server"
check "clinic c: one request on the topic" \
  test "$(echo "$sheet" | grep -o "セキュリティ更新を貴社が行うことを" | wc -l)" = 0
finish
