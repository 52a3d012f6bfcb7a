// The billing benches (issue 15) live in bench/billing/; run-all picks up this file.
import './billing/run';
