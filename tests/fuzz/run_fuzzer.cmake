# cmake -DFUZZER=… -DCORPUS=… -DWORK=… -DSECONDS=… -P run_fuzzer.cmake
# Runs a libFuzzer binary for SECONDS over a fresh copy of the seed corpus (the corpus in the
# source tree stays as it is) and fails when the fuzzer does.
file(REMOVE_RECURSE "${WORK}")
file(MAKE_DIRECTORY "${WORK}/artifacts")
file(COPY "${CORPUS}/" DESTINATION "${WORK}/corpus")
execute_process(
    COMMAND "${FUZZER}" -max_total_time=${SECONDS} -max_len=4096 -timeout=10 -rss_limit_mb=2048
            -print_final_stats=1 "-artifact_prefix=${WORK}/artifacts/" "${WORK}/corpus"
    RESULT_VARIABLE status)
if(NOT status EQUAL 0)
    file(GLOB found "${WORK}/artifacts/*")
    message(FATAL_ERROR "The fuzzer failed (${status}). Input that broke it: ${found}\n"
                        "Reproduce with: ${FUZZER} <that file>")
endif()
