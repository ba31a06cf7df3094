/*
 * fuzz.h: what every harness of tests/fuzz/ defines, and its checks.
 *
 * A harness (tests/fuzz/NAME.c) is built two ways.  With clang
 * -fsanitize=fuzzer,address,undefined, libFuzzer supplies main and
 * mutates inputs for FUZZ_SECONDS (`make fuzz`, tests/fuzz/run).  With
 * the normal compiler, beside driver.c, main runs every file of the
 * seed corpus tests/fuzz/NAME/seeds/ once (`make fuzz-seeds`, part of
 * make check), so the seeds and every crasher ever found stay
 * regression tests.  A harness must accept any bytes, never exit, keep
 * no state from one input to the next, and stay fast.
 *
 * FUZZ_CHECK states what must hold whatever the input; when it does
 * not, the harness names the check and aborts, which both builds
 * report as a failure.
 */
#ifndef DHCOACH_FUZZ_H
#define DHCOACH_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

/* Called once before the first input (argc and argv may be changed). */
int LLVMFuzzerInitialize(int *argc, char ***argv);
/* Called once per input; returns 0. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define FUZZ_CHECK(cond) do {						\
	if (!(cond)) {							\
		fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__,	\
		    __LINE__, #cond);					\
		abort();						\
	}								\
} while (0)

#endif
