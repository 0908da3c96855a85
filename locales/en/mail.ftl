## Messages of the mail part; shared words stay in main.ftl.
