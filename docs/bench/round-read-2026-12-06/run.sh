#!/bin/bash
# before (main at b49a299 + the bench class) and after (feat/ttread), one after the other
CMD="./mvnw -B -ntp -q -pl transfer-table-service -am verify -Djib.skip=true -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false -Dit.test=RoundReadBench -Dbench.rounds=100"
echo "start $(uptime)"
cd /tmp/ttread-before && $CMD > /tmp/ttread-bench-before.log 2>&1; echo "before rc=$?"
grep -h "^bench " /tmp/ttread-before/transfer-table-service/target/failsafe-reports/*RoundReadBench-output.txt
cd /work/wt/ttread && $CMD > /tmp/ttread-bench-after.log 2>&1; echo "after rc=$?"
grep -h "^bench " /work/wt/ttread/transfer-table-service/target/failsafe-reports/*RoundReadBench-output.txt
echo "end $(uptime)"
