/*
 * The contact chart and 初回設定: the 管理者, the 安全管理責任者 and the
 * 保健所 show the facility's names until the chart has its own, and a
 * change at 初回設定 shows in the chart.
 */
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "model/contact.h"

static void
put(struct contact_list *l, const char *role, const char *name,
    const char *phone)
{
	struct contact ct;

	memset(&ct, 0, sizeof(ct));
	strcpy(ct.role, role);
	contact_set_text(&ct.name, name);
	contact_set_text(&ct.phone, phone);
	contact_put(l, &ct);
	contact_release(&ct);
}

/* Only the three roles map, each to its own field; empty is none. */
static void
test_setup_name(void)
{
	struct facility f;

	memset(&f, 0, sizeof(f));
	facility_set_text(&f.manager, "山田太郎");
	facility_set_text(&f.officer, "山田花子");
	facility_set_text(&f.health_center, "中央保健所");
	facility_set_text(&f.checker, "鈴木一郎");
	check_str(contact_setup_name(&f, "administrator"), "山田太郎");
	check_str(contact_setup_name(&f, "safety-officer"), "山田花子");
	check_str(contact_setup_name(&f, "health-center"), "中央保健所");
	check_true(contact_setup_name(&f, "first-contact") == NULL);
	check_true(contact_setup_name(&f, "police") == NULL);
	check_true(contact_setup_name(NULL, "administrator") == NULL);
	facility_set_text(&f.officer, "");
	check_true(contact_setup_name(&f, "safety-officer") == NULL);
	facility_release(&f);
}

/* The merge: own name first, else 初回設定's, marked as such. */
static void
test_view(void)
{
	struct contact_list l = CONTACT_LIST_INIT;
	struct facility f;
	struct contact_view v;

	memset(&f, 0, sizeof(f));
	facility_set_text(&f.manager, "山田太郎");
	facility_set_text(&f.health_center, "中央保健所");

	/* no entry at all: the facility's name */
	check_true(contact_view(&l, &f, "administrator", &v));
	check_str(v.name, "山田太郎");
	check_true(v.from_setup);
	check_true(v.phone == NULL);

	/* an entry with a phone only: the facility's name and that phone */
	put(&l, "administrator", NULL, "090-1111-2222");
	check_true(contact_view(&l, &f, "administrator", &v));
	check_str(v.name, "山田太郎");
	check_true(v.from_setup);
	check_str(v.phone, "090-1111-2222");

	/* a change at 初回設定 shows in the chart */
	facility_set_text(&f.manager, "山田次郎");
	contact_view(&l, &f, "administrator", &v);
	check_str(v.name, "山田次郎");

	/* a name typed in the chart wins, and stays when 初回設定 changes */
	put(&l, "health-center", "中央保健所 医事課", "03-9999-0000");
	check_true(contact_view(&l, &f, "health-center", &v));
	check_str(v.name, "中央保健所 医事課");
	check_true(!v.from_setup);
	facility_set_text(&f.health_center, "北保健所");
	contact_view(&l, &f, "health-center", &v);
	check_str(v.name, "中央保健所 医事課");

	/* nothing at 初回設定 and no entry: not filled in */
	check_true(!contact_view(&l, &f, "safety-officer", &v));
	check_true(v.name == NULL && !v.from_setup);

	/* a role 初回設定 does not know: only its own entry counts */
	check_true(!contact_view(&l, &f, "police", &v));
	put(&l, "police", NULL, "#9110");
	check_true(contact_view(&l, &f, "police", &v));
	check_true(v.name == NULL && !v.from_setup);

	/* no facility (the PDF without one): own entries only */
	check_true(contact_view(&l, NULL, "administrator", &v));
	check_true(v.name == NULL && !v.from_setup);
	check_str(v.phone, "090-1111-2222");

	contact_list_release(&l);
	facility_release(&f);
}

/* Typing 初回設定's own name keeps no copy: the chart still follows it. */
static void
test_set_name(void)
{
	struct contact ct;
	struct facility f;

	memset(&ct, 0, sizeof(ct));
	memset(&f, 0, sizeof(f));
	facility_set_text(&f.officer, "山田花子");
	strcpy(ct.role, "safety-officer");
	contact_set_name(&ct, "山田花子", &f);
	check_true(ct.name == NULL);
	contact_set_name(&ct, "佐藤一子", &f);
	check_str(ct.name, "佐藤一子");
	contact_set_name(&ct, "", &f);
	check_true(ct.name == NULL);
	strcpy(ct.role, "liaison");
	contact_set_name(&ct, "山田花子", &f);
	check_str(ct.name, "山田花子");
	contact_release(&ct);
	facility_release(&f);
}

int
main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	test_setup_name();
	test_view();
	test_set_name();
	return check_done("test_contact");
}
