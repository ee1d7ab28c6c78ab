"""Engine stage: IR -> compiled closures -> outcome + trace."""
