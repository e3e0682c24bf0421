"""Running the dashboard for many users: the nginx site, the systemd unit, the shared settings, and `replicas`,
which starts them together on one machine (`python -m etl serve`, the load bench, the tests)."""
