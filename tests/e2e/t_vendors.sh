#!/usr/bin/env bash
# Two vendors with different gaps, entered in the wizard: each one's request
# sheet in the PDF holds its own requests and nobody else's; deleting a
# vendor asks first; the contact chart takes the vendors and the roles.
source "$(dirname "$0")/../lib/e2e.sh"

# answer_all KEY [STEP=KEY ...]: answers every question of the vendor's
# current list with KEY, except the steps named; stops at the last one.
answer_all() {
  local def=$1 total i k; shift
  total=$(screen | sed -n 's/.* \([0-9]*\) \/ \([0-9]*\) .*/\2/p' | head -1)
  [ -n "$total" ] || { fail "no question counter"; return 1; }
  for i in $(seq 1 "$total"); do
    wait_for "$i / $total" || return 1
    k=$def
    for o in "$@"; do [ "${o%%=*}" = "$i" ] && k=${o#*=}; done
    keys "$k"
    wait_for "保存しました" || return 1
    keys Right
  done
  wait_for "最後の質問まで進みました"
}

start_app
setup_facility "おおた内科"
keys 2
wait_for "事業者と契約"
wait_for "＋ 事業者を追加する"
keys a
wait_for "新しい事業者"
keys Down                                  # no name yet: refused
wait_for "事業者名を入力してください"
typ "アルファメディカル"; keys Enter
wait_for "保存しました"
typ "佐藤"; keys Enter
typ "03-1111-X"; keys Enter                # a letter in the phone number
wait_for "電話番号は数字とハイフンで入力してください"
keys C-u; typ "03-1111-2222"; keys Enter
typ "sato@alpha.example.jp"; keys Enter
wait_for "[ ]電子カルテ"
keys Space; wait_for "[x]電子カルテ"
keys Right Space; wait_for "[x]レセコン"
keys Down Right                            # 契約: 保守契約
wait_for "< 保守契約 >"
keys Down                                  # メモ: a password is warned of
typ "保守用PW: Kq7abc12"; keys Enter
wait_for "パスワードのような文字があります"
keys Enter                                 # 契約の確認
wait_for "アルファメディカル: 契約の確認  1 / 19"
keys '?'                                   # the question's words, explained
wait_for "【この質問で使う言葉】"
wait_for "責任分界"
keys Escape
wait_for "アルファメディカル: 契約の確認  1 / 19"
answer_all 1 1=2 5=3
wait_for "契約の確認: 19/19 回答済み"
keys Down Enter                            # 事業者確認用の返却状況
wait_for "事業者確認用の返却状況  1 / 15"
answer_all 1 5=3                           # 2-③ (MDS/SDS) not returned
keys Escape
wait_for "＋ 事業者を追加する"
wait_for "確認 19/19、依頼 3"

keys a
wait_for "新しい事業者"
typ "ベータネット"; keys Enter
keys Enter Enter Enter                     # 担当者, 電話, メール left empty
keys Right Right Right Right Right Space   # ネットワーク・VPN
wait_for "[x]ネットワーク・VPN"
keys Down Right
wait_for "< 保守契約 >"
keys Down Enter Enter
wait_for "ベータネット: 契約の確認  1 / 19"
answer_all 1 12=2                          # 保守作業の事前承認: いいえ
keys Escape
wait_for "確認 19/19、依頼 16"             # 1 + the 15 form items not returned

# a checklist item answered わからない and asked of ベータネット
keys Escape
wait_for "回答の保存先"
keys 1
wait_for "1 / 22"
keys 1; wait_for "保存しました"; keys Right
wait_for "1-①"
keys 3; wait_for "続けて目標日"
keys Escape
wait_for "< 院内で確認 >"
keys Tab
keys Right Right
wait_for "< ベータネットに照会 >"
keys Escape Escape
wait_for "事業者 2 社、依頼 19 件"   # the checklist item asked of ベータネット and its 事業者確認用 item are one request

# deleting asks first; n keeps it
keys 2
wait_for "アルファメディカル"
keys Up x
wait_for "「アルファメディカル」と、その回答をすべて削除しますか"
keys n
wait_for "削除しませんでした"
keys Escape

# the contact chart
wait_for "必要な連絡先 3/6"                # 初回設定 named three of them
keys 5
wait_for "連絡体制"
wait_for "事業者（「事業者と契約」から）"
wait_for "アルファメディカル 03-1111-2222"
# the names of 初回設定 fill the chart, marked, with no copy kept
wait_for "山田花子（初回設定から）"          # 安全管理責任者
wait_for "山田太郎（初回設定から）"          # 管理者（院長）
wait_for "中央保健所（初回設定から）"        # 管轄の保健所
check "no copy of the setup's names" test "$(sqlite3 "$DB" 'SELECT count(*) FROM contact')" = 0
keys Down Enter                            # 安全管理責任者: a phone only
wait_for "空欄なら初回設定の「山田花子」を使います"
keys Enter                                 # the name left empty
typ "090-2222-3333"; keys Enter
keys Enter                                 # the note left empty
wait_for "[ 連絡体制の一覧に戻る ]"
keys Enter                                 # the button: back to the chart
wait_for "山田花子（初回設定から）  090-2222"
keys Down Down Down Down Enter             # the first outside role
wait_for "空欄なら初回設定の「中央保健所」を使います"
typ "中央保健所 医事課"; keys Enter
typ "03-9999-0000"; keys Enter
typ "夜間は代表へ。PW: Tq8mno55"; keys Enter   # a contact's note: a password is warned of
wait_for "パスワードのような文字があります"
keys Enter                                 # back to the chart: the warning stays
wait_for "中央保健所 医事課  03-9999-0000"    # a name typed here wins
wait_for "パスワードのような文字があります"
screen | grep -qF "中央保健所 医事課（初回設定から）" && fail "a typed name is marked as the setup's"
keys Escape q
check "exit 0" test "$(wait_exit)" = 0

"$BIN" report -o "$WORK/v.pdf" >/dev/null 2>&1 || fail "report"
text=$(pdftotext "$WORK/v.pdf" - 2>/dev/null | tr -d ' \n')
echo "$text" | grep -qF "Kq7abc12" && fail "a password in a vendor's memo is printed"
echo "$text" | grep -qF "Tq8mno55" && fail "a password in a contact's note is printed"
alpha=${text#*アルファメディカル御中}
alpha=${alpha%%ベータネット御中*}
beta=${text#*ベータネット御中}
beta=${beta%%チェックリスト回答一覧*}
check "a sheet for アルファメディカル" test "$alpha" != "$text"
check "a sheet for ベータネット" test "$beta" != "$text"
for want in "セキュリティの責任分界を書面で決めている" "弱点と更新の予定を知らせてもらえる" "2-③" "ご回答日"; do
  echo "$alpha" | grep -qF "$want" || fail "アルファ's sheet lacks '$want'"
done
for nope in "保守作業は事前に承認し" "チェックリスト1-①" "ベータネット"; do
  echo "$alpha" | grep -qF "$nope" && fail "アルファ's sheet has '$nope'"
done
for want in "保守作業は事前に承認し" "チェックリスト1-①" "2-⑬" "ご回答日"; do
  echo "$beta" | grep -qF "$want" || fail "ベータ's sheet lacks '$want'"
done
for nope in "セキュリティの責任分界を書面で決めている" "弱点と更新の予定を知らせてもらえる" "アルファメディカル"; do
  echo "$beta" | grep -qF "$nope" && fail "ベータ's sheet has '$nope'"
done
# the transcript names the vendor asked; the chart has both parts
echo "$text" | grep -qF "確認中（ベータネットに照会中）" || fail "transcript: 確認中（ベータネットに照会中）"
chart=${text#*連絡体制図}
echo "$chart" | grep -qF "中央保健所医事課" || fail "contact chart: 保健所"
echo "$chart" | grep -qF "山田花子090-2222-3333" || fail "contact chart: the officer from 初回設定 with the chart's phone"
echo "$chart" | grep -qF "山田太郎" || fail "contact chart: the manager from 初回設定"
echo "$chart" | grep -qF "医療情報システム安全管理責任者、管理者（院長）の名前は、初回設定で入力したものです" || fail "contact chart: where the names come from"
echo "$chart" | grep -qF "アルファメディカル（佐藤）" || fail "contact chart: vendor"
echo "$chart" | grep -qF "未記入（必要）" || fail "contact chart: missing entries"

# deleting a vendor (y) removes it and its answers; the 確認先 falls back
start_app
wait_for "回答の保存先"
keys 2
wait_for "ベータネット"
keys Down x
wait_for "「ベータネット」と、その回答をすべて削除しますか"
keys y
wait_for "削除しました"
wait_gone "ベータネット"
check "answers of the deleted vendor are gone" test "$(sqlite3 "$DB" 'SELECT count(*) FROM vendor_answer WHERE vendor_id NOT IN (SELECT id FROM vendor)')" = 0
check "確認先 is in-house again" test "$(sqlite3 "$DB" "SELECT count(*) FROM answer WHERE ask_vendor IS NOT NULL")" = 0
finish
