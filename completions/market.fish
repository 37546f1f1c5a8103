# fish completion for market
# Generated from the command tree by dev.market.cli.docs.GenerateDocs; do not edit.
# Refresh with: bin/regen-docs
# Install: copy to ~/.config/fish/completions/market.fish

set -g __market_commands 'config' 'config get' 'config set' 'config unset' 'config list'

# The subcommand path typed so far: '' at the top, then e.g. 'offerings list'.
function __market_path
    set -l tokens (commandline -opc)
    set -e tokens[1]
    set -l path ''
    for token in $tokens
        set -l next (string trim -- "$path $token")
        if contains -- $next $__market_commands
            set path $next
        end
    end
    echo $path
end

function __market_at
    set -l path (__market_path)
    test "$path" = "$argv[1]"
end

# Only options and subcommands unless an option takes a file.
complete -c market -f

# Global options, accepted by every command
complete -c market -l api-url -x -d 'Marketplace API root (env MARKET_API_URL, config api-url; default the local server, port 8787).'
complete -c market -l debug -d 'Show stack traces of errors.'
complete -c market -l dry-run -d 'Print the signed HTTP request that would be sent, and send nothing.'
complete -c market -s h -l help -d 'Show this help and exit.'
complete -c market -l identity -x -d 'Identity to sign with. Env MARKET_IDENTITY, config identity.'
complete -c market -l no-color -d 'No colours (also when NO_COLOR is set).'
complete -c market -s o -l output -x -d 'table, json (the protocol\'s objects) or ids (one per line).'

# market
complete -c market -n "__market_at ''" -a 'config' -d 'Read and change the config file (flags and environment override it).'
complete -c market -n "__market_at ''" -s V -l version -d 'Print the version and exit.'

# market config
complete -c market -n "__market_at 'config'" -a 'get' -d 'Print a key\'s value from the config file (nothing when unset).'
complete -c market -n "__market_at 'config'" -a 'set' -d 'Store a key\'s value in the config file.'
complete -c market -n "__market_at 'config'" -a 'unset' -d 'Remove a key from the config file.'
complete -c market -n "__market_at 'config'" -a 'list' -d 'List every key with its value in the config file and what it means.'
