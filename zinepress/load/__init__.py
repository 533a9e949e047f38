"""Load stage: read YAML, PO and region files into the model, collecting every problem."""
