## Messages of the meetings part; shared words stay in main.ftl.
