# fish completion for market
# Generated from the command tree by dev.market.cli.docs.GenerateDocs; do not edit.
# Refresh with: bin/regen-docs
# Install: copy to ~/.config/fish/completions/market.fish

set -g __market_commands 'offerings' 'offerings list' 'offerings show' 'offerings create' 'offerings mine' 'offerings update' 'offerings delete' 'rent' 'rentals' 'status' 'events' 'connect' 'credentials' 'cancel' 'extend' 'auto-renew' 'review' 'wallet' 'wallet deposit' 'wallet withdraw' 'notifications' 'requests' 'accept' 'reject' 'provision' 'contracts' 'provider' 'provider auto-accept' 'identity' 'identity new' 'identity import' 'identity list' 'identity show' 'identity use' 'identity remove' 'account' 'account register' 'account show' 'whoami' 'config' 'config get' 'config set' 'config unset' 'config list' 'config profile' 'config profile add' 'config profile list' 'config profile remove' 'config profile use' 'help' 'version'

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
complete -c market -s o -l output -x -a 'table json ids' -d 'table, json (docs/json.md) or ids (one per line).'
complete -c market -l profile -x -d 'Named marketplace (API URL and identity) from \'market config profile\'. Env MARKET_PROFILE, config profile.'

# market
complete -c market -n "__market_at ''" -a 'offerings' -d 'Browse the marketplace\'s offerings.'
complete -c market -n "__market_at ''" -a 'rent' -d 'Rent an offering; on a terminal, asks for what is missing.'
complete -c market -n "__market_at ''" -a 'rentals' -d 'List your rentals, newest first.'
complete -c market -n "__market_at ''" -a 'status' -d 'Show a rental, wait for it to reach a state, or watch it change.'
complete -c market -n "__market_at ''" -a 'events' -d 'Show a rental\'s history, oldest first.'
complete -c market -n "__market_at ''" -a 'connect' -d 'Print the ssh command for a provisioned rental, or run it with --exec.'
complete -c market -n "__market_at ''" -a 'credentials' -d 'Print a rental\'s root password, decrypted with your key.'
complete -c market -n "__market_at ''" -a 'cancel' -d 'Cancel your rentals. Asks first on a terminal; scripts pass --yes.'
complete -c market -n "__market_at ''" -a 'extend' -d 'Extend one of your rentals by N hours: charges your wallet and moves the end.'
complete -c market -n "__market_at ''" -a 'auto-renew' -d 'Switch auto-renew of one of your rentals on or off.'
complete -c market -n "__market_at ''" -a 'review' -d 'Rate a rental that ended, once: 1 (bad) to 5 (great), with an optional comment.'
complete -c market -n "__market_at ''" -a 'wallet' -d 'Show your wallet: the balance and the newest ledger entries (rent holds, refunds, payouts).'
complete -c market -n "__market_at ''" -a 'notifications' -d 'Show your newest notifications (accepted, provisioned, cancelled, new requests...).'
complete -c market -n "__market_at ''" -a 'requests' -d 'List rental requests waiting for your answer (as a provider), newest first.'
complete -c market -n "__market_at ''" -a 'accept' -d 'Accept rental requests for your offerings.'
complete -c market -n "__market_at ''" -a 'reject' -d 'Reject rental requests for your offerings.'
complete -c market -n "__market_at ''" -a 'provision' -d 'Report a provisioning step of one of your contracts as its provider.'
complete -c market -n "__market_at ''" -a 'contracts' -d 'List all your contracts as a provider, in every state, newest first.'
complete -c market -n "__market_at ''" -a 'provider' -d 'Your settings as a provider.'
complete -c market -n "__market_at ''" -a 'identity' -d 'Create, import and choose the identities you sign with.'
complete -c market -n "__market_at ''" -a 'account' -d 'Your account: a username and an e-mail address for your key.'
complete -c market -n "__market_at ''" -a 'whoami' -d 'Ask the marketplace who you are, and so what you can do.'
complete -c market -n "__market_at ''" -a 'config' -d 'Read and change the config file (flags and environment override it).'
complete -c market -n "__market_at ''" -a 'help' -d 'Show the help of market or of a command.'
complete -c market -n "__market_at ''" -a 'version' -d 'Print the version (same as market --version).'
complete -c market -n "__market_at ''" -s V -l version -d 'Print the version and exit.'

# market offerings
complete -c market -n "__market_at 'offerings'" -a 'list' -d 'List offerings, cheapest first (--sort rating: best-rated provider first).'
complete -c market -n "__market_at 'offerings'" -a 'show' -d 'Show one offering in detail.'
complete -c market -n "__market_at 'offerings'" -a 'create' -d 'Publish offerings as a provider, from a JSON file: one Offering object or an array of them (snake_case, docs/protocol.md section 5).'
complete -c market -n "__market_at 'offerings'" -a 'mine' -d 'List your own offerings as a provider: drafts and non-public ones too.'
complete -c market -n "__market_at 'offerings'" -a 'update' -d 'Change fields of one of your offerings; the others keep their values.'
complete -c market -n "__market_at 'offerings'" -a 'delete' -d 'Delete one of your offerings. Asks first on a terminal; scripts pass --yes.'

# market offerings list
complete -c market -n "__market_at 'offerings list'" -l all -d 'Every match, fetched page by page.'
complete -c market -n "__market_at 'offerings list'" -l country -x -d 'Datacenter country: two letters, e.g. DE (ISO 3166-1 alpha-2).'
complete -c market -n "__market_at 'offerings list'" -l in-stock -d 'Only offerings in stock.'
complete -c market -n "__market_at 'offerings list'" -l jq -x -d 'Filter the JSON output with a jq expression (implies -o json); strings print raw, other results as one compact JSON line each.'
complete -c market -n "__market_at 'offerings list'" -l limit -x -d 'At most N offerings (default 50; the server caps it at 500).'
complete -c market -n "__market_at 'offerings list'" -l max-price -x -d 'Highest monthly price.'
complete -c market -n "__market_at 'offerings list'" -l min-price -x -d 'Lowest monthly price.'
complete -c market -n "__market_at 'offerings list'" -s q -l query -x -d 'A search expression (the language is below), e.g. \'type:gpu price:<=500 cores:>=8 rating:>=4\', or plain text matched in name, description and type. rating: is the provider\'s average review (0 to 5, at most 2 decimals), reviews: how many it has.'
complete -c market -n "__market_at 'offerings list'" -l sort -x -a 'price rating' -d 'price (cheapest first, the default) or rating (best-rated provider first, then more reviews, then cheapest; unrated last). Decent Cloud ignores it.'
complete -c market -n "__market_at 'offerings list'" -l type -x -a 'compute dedicated gpu network storage' -d 'compute, dedicated, gpu, network or storage (as -q type:TYPE).'

# market offerings show
complete -c market -n "__market_at 'offerings show'" -l jq -x -d 'Filter the JSON output with a jq expression (implies -o json); strings print raw, other results as one compact JSON line each.'

# market offerings create
complete -c market -n "__market_at 'offerings create'" -s f -l file -r -F -d 'The JSON file; \'-\' reads stdin.'
complete -c market -n "__market_at 'offerings create'" -l jq -x -d 'Filter the JSON output with a jq expression (implies -o json); strings print raw, other results as one compact JSON line each.'
complete -c market -n "__market_at 'offerings create'" -l template -d 'Print a template to fill in and pass back with --file: the JSON on stdout, what each field means on stderr.'

# market offerings mine
complete -c market -n "__market_at 'offerings mine'" -l jq -x -d 'Filter the JSON output with a jq expression (implies -o json); strings print raw, other results as one compact JSON line each.'

# market offerings update
complete -c market -n "__market_at 'offerings update'" -l city -x -d 'datacenter_city.'
complete -c market -n "__market_at 'offerings update'" -l country -x -d 'datacenter_country, e.g. DE.'
complete -c market -n "__market_at 'offerings update'" -l currency -x -d 'currency, e.g. USD.'
complete -c market -n "__market_at 'offerings update'" -l description -x -d 'description.'
complete -c market -n "__market_at 'offerings update'" -l draft -d 'is_draft: --draft takes it off the market, --no-draft publishes it.'
complete -c market -n "__market_at 'offerings update'" -s f -l file -r -F -d 'A JSON object with the fields to change; \'-\' reads stdin.'
complete -c market -n "__market_at 'offerings update'" -l jq -x -d 'Filter the JSON output with a jq expression (implies -o json); strings print raw, other results as one compact JSON line each.'
complete -c market -n "__market_at 'offerings update'" -l max-hours -x -d 'max_contract_hours.'
complete -c market -n "__market_at 'offerings update'" -l min-hours -x -d 'min_contract_hours.'
complete -c market -n "__market_at 'offerings update'" -l name -x -d 'offer_name.'
complete -c market -n "__market_at 'offerings update'" -l offering-id -x -d 'Your own id for it.'
complete -c market -n "__market_at 'offerings update'" -l os -x -d 'operating_systems, comma-separated, e.g. \'Ubuntu 24.04,Debian 12\'.'
complete -c market -n "__market_at 'offerings update'" -l price -x -d 'monthly_price, e.g. 12.50.'
complete -c market -n "__market_at 'offerings update'" -l setup-fee -x -d 'setup_fee.'
complete -c market -n "__market_at 'offerings update'" -l stock -x -d 'stock_status, e.g. in_stock or out_of_stock.'
complete -c market -n "__market_at 'offerings update'" -l type -x -d 'product_type: compute, dedicated, gpu, network or storage.'
complete -c market -n "__market_at 'offerings update'" -l visibility -x -d 'public, shared or private.'

# market offerings delete
complete -c market -n "__market_at 'offerings delete'" -l jq -x -d 'Filter the JSON output with a jq expression (implies -o json); strings print raw, other results as one compact JSON line each.'
complete -c market -n "__market_at 'offerings delete'" -s y -l yes -d 'Do not ask for confirmation.'

# market rent
complete -c market -n "__market_at 'rent'" -l auto-renew -d 'Renew for the same hours at the end while your wallet covers it.'
complete -c market -n "__market_at 'rent'" -l contact -x -d 'How the provider reaches you: email:, matrix:, telegram:, phone: or url:.'
complete -c market -n "__market_at 'rent'" -l hours -x -d 'Rental length in hours, within the offering\'s range (asked on a terminal; required with --yes).'
complete -c market -n "__market_at 'rent'" -l idempotency-key -x -d 'Renting again with the same KEY (1-255 printable ASCII characters) returns the first rental instead of renting twice: for scripts that may run again.'
complete -c market -n "__market_at 'rent'" -l jq -x -d 'Filter the JSON output with a jq expression (implies -o json); strings print raw, other results as one compact JSON line each.'
complete -c market -n "__market_at 'rent'" -l memo -x -d 'A note for the provider.'
complete -c market -n "__market_at 'rent'" -l os -x -d 'Operating system to install: one the offering lists (case aside).'
complete -c market -n "__market_at 'rent'" -l payment-method -x -d 'wallet (the default: your prepaid wallet pays), stripe (on Decent Cloud the wallet pays too) or test (never sent unless you pass it: Decent Cloud then skips payment; our server charges the wallet all the same).'
complete -c market -n "__market_at 'rent'" -l ssh-key -r -F -d 'Your SSH public key file, or - to read it from stdin. Default: the first of ~/.ssh/id_ed25519.pub, id_ecdsa.pub, id_rsa.pub.'
complete -c market -n "__market_at 'rent'" -l timeout -x -d 'How long --wait may take: 30s, 10m, 1h (default 10m).'
complete -c market -n "__market_at 'rent'" -l wait -x -a 'requested pending accepted provisioning provisioned active paused completed rejected cancelled provisioningfailed expired' -d 'After renting, wait until the rental is in STATE (default provisioned).'
complete -c market -n "__market_at 'rent'" -s y -l yes -d 'Do not ask; rent with the values given (then --hours is required).'

# market rentals
complete -c market -n "__market_at 'rentals'" -l jq -x -d 'Filter the JSON output with a jq expression (implies -o json); strings print raw, other results as one compact JSON line each.'
complete -c market -n "__market_at 'rentals'" -l limit -x -d 'Only the newest N.'
complete -c market -n "__market_at 'rentals'" -l status -x -d 'Only rentals in these states, e.g. --status active,provisioned.'

# market status
complete -c market -n "__market_at 'status'" -l jq -x -d 'Filter the JSON output with a jq expression (implies -o json); strings print raw, other results as one compact JSON line each.'
complete -c market -n "__market_at 'status'" -l timeout -x -d 'How long --wait or --watch may take: 30s, 10m, 1h (default 10m for --wait).'
complete -c market -n "__market_at 'status'" -l wait -x -a 'requested pending accepted provisioning provisioned active paused completed rejected cancelled provisioningfailed expired' -d 'Wait until the rental is in STATE or past it (e.g. accepted, provisioned, active).'
complete -c market -n "__market_at 'status'" -l watch -d 'Print each status change until the rental ends.'

# market events
complete -c market -n "__market_at 'events'" -l jq -x -d 'Filter the JSON output with a jq expression (implies -o json); strings print raw, other results as one compact JSON line each.'

# market connect
complete -c market -n "__market_at 'connect'" -l exec -d 'Run ssh attached to this terminal; exits with its code.'
complete -c market -n "__market_at 'connect'" -l jq -x -d 'Filter the JSON output with a jq expression (implies -o json); strings print raw, other results as one compact JSON line each.'

# market credentials
complete -c market -n "__market_at 'credentials'" -l jq -x -d 'Filter the JSON output with a jq expression (implies -o json); strings print raw, other results as one compact JSON line each.'

# market cancel
complete -c market -n "__market_at 'cancel'" -l jq -x -d 'Filter the JSON output with a jq expression (implies -o json); strings print raw, other results as one compact JSON line each.'
complete -c market -n "__market_at 'cancel'" -l reason -x -d 'Why (kept in the history).'
complete -c market -n "__market_at 'cancel'" -s y -l yes -d 'Do not ask for confirmation.'

# market extend
complete -c market -n "__market_at 'extend'" -l hours -x -d 'Hours to add.'
complete -c market -n "__market_at 'extend'" -l jq -x -d 'Filter the JSON output with a jq expression (implies -o json); strings print raw, other results as one compact JSON line each.'
complete -c market -n "__market_at 'extend'" -l memo -x -d 'Kept in the history.'

# market auto-renew
complete -c market -n "__market_at 'auto-renew'" -l jq -x -d 'Filter the JSON output with a jq expression (implies -o json); strings print raw, other results as one compact JSON line each.'
complete -c market -n "__market_at 'auto-renew'" -a 'on off'

# market review
complete -c market -n "__market_at 'review'" -l comment -x -d 'At most 1000 characters.'
complete -c market -n "__market_at 'review'" -l jq -x -d 'Filter the JSON output with a jq expression (implies -o json); strings print raw, other results as one compact JSON line each.'
complete -c market -n "__market_at 'review'" -l rating -x -d 'Your rating.'

# market wallet
complete -c market -n "__market_at 'wallet'" -a 'deposit' -d 'Add AMOUNT (units, e.g. 25 or 0.5) to your wallet through the server\'s payment provider.'
complete -c market -n "__market_at 'wallet'" -a 'withdraw' -d 'Pay AMOUNT (units) out of your wallet, e.g. a provider\'s earnings.'
complete -c market -n "__market_at 'wallet'" -l jq -x -d 'Filter the JSON output with a jq expression (implies -o json); strings print raw, other results as one compact JSON line each.'

# market wallet deposit
complete -c market -n "__market_at 'wallet deposit'" -l jq -x -d 'Filter the JSON output with a jq expression (implies -o json); strings print raw, other results as one compact JSON line each.'

# market wallet withdraw
complete -c market -n "__market_at 'wallet withdraw'" -l jq -x -d 'Filter the JSON output with a jq expression (implies -o json); strings print raw, other results as one compact JSON line each.'

# market notifications
complete -c market -n "__market_at 'notifications'" -l jq -x -d 'Filter the JSON output with a jq expression (implies -o json); strings print raw, other results as one compact JSON line each.'
complete -c market -n "__market_at 'notifications'" -l limit -x -d 'Only the newest N (the marketplace keeps the newest 50).'
complete -c market -n "__market_at 'notifications'" -l mark-read -d 'Mark the ones shown as read.'
complete -c market -n "__market_at 'notifications'" -l unread -d 'Only unread ones.'

# market requests
complete -c market -n "__market_at 'requests'" -l all -d 'Every request you ever received, in any state (adds a STATUS column).'
complete -c market -n "__market_at 'requests'" -l jq -x -d 'Filter the JSON output with a jq expression (implies -o json); strings print raw, other results as one compact JSON line each.'

# market accept
complete -c market -n "__market_at 'accept'" -l jq -x -d 'Filter the JSON output with a jq expression (implies -o json); strings print raw, other results as one compact JSON line each.'
complete -c market -n "__market_at 'accept'" -l memo -x -d 'A note kept in the history.'

# market reject
complete -c market -n "__market_at 'reject'" -l jq -x -d 'Filter the JSON output with a jq expression (implies -o json); strings print raw, other results as one compact JSON line each.'
complete -c market -n "__market_at 'reject'" -l reason -x -d 'Why; the renter is notified with it.'

# market provision
complete -c market -n "__market_at 'provision'" -l activate -d 'The renter is using it (provisioned -> active).'
complete -c market -n "__market_at 'provision'" -l cancel -d 'End it early as the provider; needs --reason (-> cancelled).'
complete -c market -n "__market_at 'provision'" -l details-file -r -F -d 'A JSON object with the keys of docs/protocol.md section 7: ip_address, ipv6_address, ssh_port, ssh_user, root_password, additional_details; \'-\' reads stdin.'
complete -c market -n "__market_at 'provision'" -l done -d 'It is ready: send the connection details (-> provisioned).'
complete -c market -n "__market_at 'provision'" -l failed -d 'It could not be set up; needs --reason (-> provisioningfailed).'
complete -c market -n "__market_at 'provision'" -l instructions -x -d 'Connection instructions for the renter (additional_details).'
complete -c market -n "__market_at 'provision'" -l ip -x -d 'IPv4 address or host name.'
complete -c market -n "__market_at 'provision'" -l ipv6 -x -d 'IPv6 address.'
complete -c market -n "__market_at 'provision'" -l jq -x -d 'Filter the JSON output with a jq expression (implies -o json); strings print raw, other results as one compact JSON line each.'
complete -c market -n "__market_at 'provision'" -l password-stdin -d 'Read the root password from stdin (one line).'
complete -c market -n "__market_at 'provision'" -l port -x -d 'SSH port (default 22).'
complete -c market -n "__market_at 'provision'" -l reason -x -d 'Why it failed or was cancelled; the renter sees it.'
complete -c market -n "__market_at 'provision'" -l start -d 'Setting it up has begun (accepted -> provisioning).'
complete -c market -n "__market_at 'provision'" -l user -x -d 'SSH user (default root).'

# market contracts
complete -c market -n "__market_at 'contracts'" -l jq -x -d 'Filter the JSON output with a jq expression (implies -o json); strings print raw, other results as one compact JSON line each.'
complete -c market -n "__market_at 'contracts'" -l status -x -d 'Only contracts in these states, e.g. accepted,provisioning.'

# market provider
complete -c market -n "__market_at 'provider'" -a 'auto-accept' -d 'Show or set whether new rental requests are accepted at once, without your answer.'

# market provider auto-accept
complete -c market -n "__market_at 'provider auto-accept'" -l jq -x -d 'Filter the JSON output with a jq expression (implies -o json); strings print raw, other results as one compact JSON line each.'
complete -c market -n "__market_at 'provider auto-accept'" -a 'on off'

# market identity
complete -c market -n "__market_at 'identity'" -a 'new' -d 'Create an identity from a fresh seed phrase.'
complete -c market -n "__market_at 'identity'" -a 'import' -d 'Import an identity from its seed phrase (prompt or stdin, never argv).'
complete -c market -n "__market_at 'identity'" -a 'list' -d 'List identities; * marks the active one.'
complete -c market -n "__market_at 'identity'" -a 'show' -d 'Show an identity\'s name and public key (the active one by default). Never the secret.'
complete -c market -n "__market_at 'identity'" -a 'use' -d 'Make NAME the active identity (stored in the config; --identity and MARKET_IDENTITY override it).'
complete -c market -n "__market_at 'identity'" -a 'remove' -d 'Delete an identity\'s key file. Only its seed phrase can bring it back.'

# market identity new
complete -c market -n "__market_at 'identity new'" -l encrypt -d 'Protect the key file with a passphrase of 8 or more characters (asked twice; MARKET_PASSPHRASE in scripts).'
complete -c market -n "__market_at 'identity new'" -l jq -x -d 'Filter the JSON output with a jq expression (implies -o json); strings print raw, other results as one compact JSON line each.'
complete -c market -n "__market_at 'identity new'" -l words -x -d '12 or 24 words (default 12).'

# market identity import
complete -c market -n "__market_at 'identity import'" -l encrypt -d 'Protect the key file with a passphrase of 8 or more characters (asked twice; MARKET_PASSPHRASE in scripts).'
complete -c market -n "__market_at 'identity import'" -l jq -x -d 'Filter the JSON output with a jq expression (implies -o json); strings print raw, other results as one compact JSON line each.'

# market identity list
complete -c market -n "__market_at 'identity list'" -l jq -x -d 'Filter the JSON output with a jq expression (implies -o json); strings print raw, other results as one compact JSON line each.'

# market identity show
complete -c market -n "__market_at 'identity show'" -l jq -x -d 'Filter the JSON output with a jq expression (implies -o json); strings print raw, other results as one compact JSON line each.'

# market identity remove
complete -c market -n "__market_at 'identity remove'" -s y -l yes -d 'Do not ask for confirmation.'

# market account
complete -c market -n "__market_at 'account'" -a 'register' -d 'Create the account of your key (POST /accounts).'
complete -c market -n "__market_at 'account'" -a 'show' -d 'Show your account: username, e-mail address and whether it is verified.'

# market account register
complete -c market -n "__market_at 'account register'" -l email -x -d 'Where the marketplace sends the verification link.'
complete -c market -n "__market_at 'account register'" -l jq -x -d 'Filter the JSON output with a jq expression (implies -o json); strings print raw, other results as one compact JSON line each.'
complete -c market -n "__market_at 'account register'" -l username -x -d '3 to 64 letters, digits, \'.\', \'_\', \'-\' or \'@\', starting and ending with a letter or digit; unique on the marketplace, whatever the case.'

# market account show
complete -c market -n "__market_at 'account show'" -l jq -x -d 'Filter the JSON output with a jq expression (implies -o json); strings print raw, other results as one compact JSON line each.'

# market whoami
complete -c market -n "__market_at 'whoami'" -l jq -x -d 'Filter the JSON output with a jq expression (implies -o json); strings print raw, other results as one compact JSON line each.'

# market config
complete -c market -n "__market_at 'config'" -a 'get' -d 'Print a key\'s value from the config file (nothing when unset).'
complete -c market -n "__market_at 'config'" -a 'set' -d 'Store a key\'s value in the config file.'
complete -c market -n "__market_at 'config'" -a 'unset' -d 'Remove a key from the config file.'
complete -c market -n "__market_at 'config'" -a 'list' -d 'List every key with its value in the config file and what it means.'
complete -c market -n "__market_at 'config'" -a 'profile' -d 'Named marketplaces: an API URL and the identity that signs there.'

# market config list
complete -c market -n "__market_at 'config list'" -l jq -x -d 'Filter the JSON output with a jq expression (implies -o json); strings print raw, other results as one compact JSON line each.'

# market config profile
complete -c market -n "__market_at 'config profile'" -a 'add' -d 'Add a profile, or replace the one of that name.'
complete -c market -n "__market_at 'config profile'" -a 'list' -d 'List the profiles; ACTIVE marks the one in use (--profile, MARKET_PROFILE or config).'
complete -c market -n "__market_at 'config profile'" -a 'remove' -d 'Remove a profile.'
complete -c market -n "__market_at 'config profile'" -a 'use' -d 'Use a profile for every command (the config key \'profile\').'

# market config profile list
complete -c market -n "__market_at 'config profile list'" -l jq -x -d 'Filter the JSON output with a jq expression (implies -o json); strings print raw, other results as one compact JSON line each.'
