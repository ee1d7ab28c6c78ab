"""Back ends for the drafter: a new variant's skeleton, and the proposal as it is circulated (.docx, PDF, .csv)."""
