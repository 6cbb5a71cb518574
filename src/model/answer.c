#include "model/answer.h"

#include <stdlib.h>
#include <string.h>

#include "util/i18n.h"
#include "util/utf8.h"
#include "util/xalloc.h"

void
answer_release(struct answer *a)
{
	free(a->owner);
	free(a->memo);
	memset(a, 0, sizeof(*a));
}

void
answer_copy(struct answer *dst, const struct answer *src)
{
	*dst = *src;
	dst->owner = src->owner != NULL ? xstrdup(src->owner) : NULL;
	dst->memo = src->memo != NULL ? xstrdup(src->memo) : NULL;
}

void
answer_set_text(char **field, const char *s)
{
	free(*field);
	*field = (s != NULL && s[0] != '\0') ? xstrdup(s) : NULL;
}

/* Stable keys stored in the data file; never translated. */
static const char *const value_keys[] = {"", "yes", "no", "unknown", "na"};

const char *
answer_value_key(enum answer_value v)
{
	if ((size_t)v >= sizeof(value_keys) / sizeof(value_keys[0]))
		BUG("bad answer value %d", (int)v);
	return value_keys[v];
}

int
answer_value_parse(const char *key, enum answer_value *out)
{
	size_t i;

	/* the one key it can be, by its first letters (every vendor answer
	 * of every file aggregate reads comes through here) */
	switch (key[0]) {
	case '\0':
		i = 0;
		break;
	case 'y':
		i = 1;
		break;
	case 'n':
		i = key[1] == 'o' ? 2 : 4;
		break;
	case 'u':
		i = 3;
		break;
	default:
		return -1;
	}
	if (strcmp(key, value_keys[i]) != 0)
		return -1;
	*out = (enum answer_value)i;
	return 0;
}

const char *
answer_value_label(enum answer_value v)
{
	switch (v) {
	case ANSWER_YES:
		return _("Yes");
	case ANSWER_NO:
		return _("No");
	case ANSWER_UNKNOWN:
		return _("Don't know");
	case ANSWER_NA:
		return _("Not applicable");
	case ANSWER_NONE:
		break;
	}
	return _("Not answered");
}

bool
answer_needs_target(const struct item *it, enum answer_value v)
{
	if (it->gate)
		return false;
	return v == ANSWER_NO || v == ANSWER_UNKNOWN;
}

int
answer_check(const struct answer *a, const struct item *it,
	     const struct date *today, struct err *e)
{
	if (a->value == ANSWER_NA && it->na == NULL)
		return err_set(
			e, ERR_INPUT,
			_("\"not applicable\" is not possible for this item"));
	if (it->gate && (a->value == ANSWER_UNKNOWN || a->value == ANSWER_NA))
		return err_set(e, ERR_INPUT,
			       _("answer this item with yes or no"));
	if (date_is_set(&a->checked) &&
	    date_check_checked(&a->checked, a->year, today, e) != 0)
		return -1;
	if (date_is_set(&a->target)) {
		if (!answer_needs_target(it, a->value))
			return err_set(
				e, ERR_INPUT,
				_("a target date is only needed for \"no\" and \"don't know\""));
		if (date_check_target(&a->target, &a->checked, a->year, e) != 0)
			return -1;
	}
	if (a->owner != NULL && utf8_len(a->owner) > ANSWER_OWNER_MAX)
		return err_set(
			e, ERR_INPUT,
			_("the person in charge can be at most %d characters"),
			ANSWER_OWNER_MAX);
	if (a->memo != NULL && utf8_len(a->memo) > ANSWER_MEMO_MAX)
		return err_set(e, ERR_INPUT,
			       _("the memo can be at most %d characters"),
			       ANSWER_MEMO_MAX);
	return 0;
}

void
answer_set_release(struct answer_set *s)
{
	size_t i;

	for (i = 0; i < s->n; i++)
		answer_release(&s->v[i]);
	free(s->v);
	s->v = NULL;
	s->n = s->alloc = 0;
}

const struct answer *
answer_set_find(const struct answer_set *s, const char *item_id, enum cell cell)
{
	size_t i;

	for (i = 0; i < s->n; i++) {
		if (s->v[i].cell == cell &&
		    strcmp(s->v[i].item_id, item_id) == 0)
			return &s->v[i];
	}
	return NULL;
}

struct answer *
answer_set_put(struct answer_set *s, const struct answer *a)
{
	struct answer *slot =
		(struct answer *)answer_set_find(s, a->item_id, a->cell);

	if (slot == NULL) {
		xgrow((void **)&s->v, &s->alloc, s->n + 1, sizeof(*s->v));
		slot = &s->v[s->n++];
		memset(slot, 0, sizeof(*slot));
	}
	if (slot != a) {
		answer_release(slot);
		answer_copy(slot, a);
	}
	return slot;
}
