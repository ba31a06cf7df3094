# dhcoach: a terminal coaching assistant for the Digital Health Leadership
# Programme.  GNU make.  See README.md.
#
#   make run     install missing packages, build, start dhcoach
#   make check   install missing packages, build, run every test
#
# CFLAGS, CPPFLAGS and LDFLAGS are yours; required flags are added to them.

VERSION  = 0.1.0
PREFIX  ?= /usr/local
bindir   = $(PREFIX)/bin
datadir  = $(PREFIX)/share
mandir   = $(datadir)/man
pkgdatadir = $(datadir)/dhcoach

CC      ?= cc
CFLAGS  ?= -g -O2
WARN     = -std=c11 -Wall -Wextra -Wformat=2 -Wshadow -Wstrict-prototypes \
           -Wmissing-prototypes -Wpedantic
PKG_CONFIG ?= pkg-config
PKGS     = readline sqlite3 libpcre2-8

# Recursively expanded on purpose: pkg-config runs after 'deps' has
# installed it and the libraries.
PKG_CFLAGS = $(shell $(PKG_CONFIG) --cflags $(PKGS) 2>/dev/null | sed 's/-D_XOPEN_SOURCE=[0-9]*//; s/-D_DEFAULT_SOURCE//')
PKG_LIBS   = $(shell $(PKG_CONFIG) --libs $(PKGS))
CMOCKA_CFLAGS = $(shell $(PKG_CONFIG) --cflags cmocka)
CMOCKA_LIBS   = $(shell $(PKG_CONFIG) --libs cmocka)

ALL_CPPFLAGS = -D_GNU_SOURCE -DDHCOACH_VERSION='"$(VERSION)"' \
	-DDHCOACH_DATADIR='"$(pkgdatadir)"' $(CPPFLAGS)
ALL_CFLAGS = $(WARN) $(PKG_CFLAGS) -ffile-prefix-map=$(CURDIR)=. $(CFLAGS)

SRCS := $(sort $(wildcard src/*.c))
# Generated sources: the database migrations of db/, embedded.
MIGRATIONS := $(sort $(wildcard db/*.sql))
GEN_SRCS := gen/migrations.c
OBJS := $(SRCS:.c=.o) $(GEN_SRCS:.c=.o)
LIB_OBJS := $(filter-out src/main.o,$(OBJS))

TEST_SRCS := $(sort $(wildcard tests/test_*.c))
TEST_BINS := $(TEST_SRCS:.c=)

.PHONY: all run check deps install uninstall clean unit e2e corpus \
	check-prompts man bench

all: dhcoach

deps:
	@sh scripts/deps

$(SRCS:.c=.o): src/%.o: src/%.c $(wildcard src/*.h) | deps
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) -c -o $@ $<

gen/migrations.c: $(MIGRATIONS) scripts/embed-sql
	@mkdir -p gen
	sh scripts/embed-sql $(MIGRATIONS) > $@.tmp || { rm -f $@.tmp; exit 1; }
	mv -f $@.tmp $@

$(GEN_SRCS:.c=.o): gen/%.o: gen/%.c $(wildcard src/*.h) | deps
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) -Isrc -c -o $@ $<

dhcoach: $(OBJS)
	$(CC) $(LDFLAGS) -o $@ $(OBJS) $(PKG_LIBS)

run: dhcoach
	./dhcoach

tests/test_%: tests/test_%.c tests/fixture.c tests/fixture.h $(LIB_OBJS) | deps
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) $(CMOCKA_CFLAGS) -Isrc -Itests -o $@ $< tests/fixture.c \
		$(LIB_OBJS) $(PKG_LIBS) $(CMOCKA_LIBS) $(LDFLAGS)

# Every test: units, the shipped prompt files, end-to-end cases, the
# bad inputs, and the corpus's precision and recall.
check: unit check-prompts e2e man corpus
	@echo "make check: all tests passed"

unit: dhcoach $(TEST_BINS)
	@sh tests/run-units $(TEST_BINS)

check-prompts: dhcoach
	./dhcoach check-prompts prompts

e2e: dhcoach
	@sh tests/run-e2e
	@sh tests/run-bad-inputs

corpus: dhcoach
	@sh tests/corpus-eval

# The manual pages: lint, and no drift from --help, /help and EXAMPLES.
man: dhcoach
	@sh tests/check-man

# Speed and memory, as ratios within one run (see tests/bench.c).
bench: tests/bench
	./tests/bench prompts tests/e2e/strong.in

tests/bench: tests/bench.c $(LIB_OBJS) | deps
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) -Isrc -o $@ $< $(LIB_OBJS) \
		$(PKG_LIBS) $(LDFLAGS)

install: dhcoach
	install -d $(DESTDIR)$(bindir) $(DESTDIR)$(pkgdatadir)/prompts
	install -m 755 dhcoach $(DESTDIR)$(bindir)/dhcoach
	install -m 644 prompts/*.prompts $(DESTDIR)$(pkgdatadir)/prompts/
	install -d $(DESTDIR)$(mandir)/man1 $(DESTDIR)$(mandir)/man5
	install -m 644 man/dhcoach.1 $(DESTDIR)$(mandir)/man1/dhcoach.1
	install -m 644 man/dhcoach-prompts.5 \
		$(DESTDIR)$(mandir)/man5/dhcoach-prompts.5

uninstall:
	rm -f $(DESTDIR)$(bindir)/dhcoach
	rm -f $(DESTDIR)$(mandir)/man1/dhcoach.1
	rm -f $(DESTDIR)$(mandir)/man5/dhcoach-prompts.5
	rm -f $(DESTDIR)$(pkgdatadir)/prompts/*.prompts
	-rmdir $(DESTDIR)$(pkgdatadir)/prompts $(DESTDIR)$(pkgdatadir)

clean:
	rm -f dhcoach $(OBJS) $(TEST_BINS) tests/bench
	rm -rf gen tests/out
