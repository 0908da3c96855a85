## Messages of the workplan part; shared words stay in main.ftl.
